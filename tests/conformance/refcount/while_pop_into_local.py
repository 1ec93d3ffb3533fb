import sys
stack = [[], [], []]
def drain(s):
    out = []
    while s:
        top = s.pop()
        out.append(sys.getrefcount(top))
    return out
print(drain(stack))
stack = [{}, {}]
while stack:
    top = stack.pop()
    print(sys.getrefcount(top))
