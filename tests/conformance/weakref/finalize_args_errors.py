import weakref

class A:
    pass

def fin(*args, **kwargs):
    res.append((args, sorted(kwargs.items())))

a = A()
res = []
f = weakref.finalize(a, fin, 1, 2, func=3, obj=4)
print(f.peek()[2], sorted(f.peek()[3].items()))
f()
print(res)
for call in (lambda: weakref.finalize(a, func=fin, arg=1),
             lambda: weakref.finalize(obj=a, func=fin, arg=1),
             lambda: weakref.finalize(a),
             lambda: weakref.finalize()):
    try:
        call()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
try:
    weakref.finalize(1, fin)
except TypeError as e:
    print("TypeError:", e)
del a
print(res)
