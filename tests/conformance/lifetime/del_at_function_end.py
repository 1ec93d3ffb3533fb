class Tmp:
    def __init__(self, tag):
        self.tag = tag
        print("create", tag)
    def __del__(self):
        print("destroy", self.tag)
def work():
    a = Tmp("local-a")
    b = Tmp("local-b")
    print("work body")
    return "result"
print(work())
def keep():
    k = Tmp("kept")
    return k
obj = keep()
print("returned object still alive")
del obj
print("after del obj")
def early():
    t = Tmp("early")
    if True:
        return 1
    print("never")
print(early())
print("end")
