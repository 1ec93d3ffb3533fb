def greet(name):
    return "hi " + name
print(greet(name="x"))
print(greet(nam="y"))
