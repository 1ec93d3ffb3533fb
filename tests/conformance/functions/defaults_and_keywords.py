def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", punct="?"))
print(greet(punct=".", name="Di", greeting="Yo"))
def power(base, exp=2):
    return base ** exp
print(power(3), power(3, 3), power(exp=0, base=9))
def show(a, b=[], c=None):
    b.append(a)
    if c is None:
        c = []
    c.append(a)
    return b, c
print(show(1))
print(show(2))
print(show(3, []))
print(show(4))
