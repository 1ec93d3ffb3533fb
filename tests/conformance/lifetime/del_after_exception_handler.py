class Guard:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("release", self.name)
def fails():
    g = Guard("in failing frame")
    raise ValueError("boom")
def ok():
    g = Guard("in ok frame")
    return 1
try:
    fails()
except ValueError as e:
    print("handling", e)
print("after handler")
ok()
print("after ok()")
try:
    fails()
except ValueError:
    print("handling without name")
print("end")
