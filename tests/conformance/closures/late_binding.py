funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def make(n):
    return lambda: n
funcs = [make(i) for i in range(3)]
print([f() for f in funcs])
def outer():
    x = 1
    def get():
        return x
    x = 2
    return get
print(outer()())
