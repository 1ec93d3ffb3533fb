class Res:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def fails(name):
    r = Res(name)
    raise KeyError(name)

try:
    fails("in frame 1")
except KeyError as e:
    print("caught", e)
print("after handler 1")

try:
    fails("in frame 2")
except KeyError:
    print("caught without name")
print("after handler 2")

def inner():
    r = Res("inner local")
    try:
        raise ValueError("v")
    except ValueError:
        print("handled inside")
    print("inner continues")

inner()
print("after inner")

def keeps():
    try:
        fails("kept by saved exception")
    except KeyError as e:
        return e

err = keeps()
print("exception saved")
del err
print("exception dropped")

def reraise():
    r = Res("reraise local")
    try:
        fails("nested")
    finally:
        print("finally in reraise")

try:
    reraise()
except KeyError:
    print("caught reraised")
print("end")
