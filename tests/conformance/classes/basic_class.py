class Dog:
    species = "canis"
    def __init__(self, name, age):
        self.name = name
        self.age = age
    def speak(self):
        return self.name + " says woof"
    def birthday(self):
        self.age += 1
        return self.age
d = Dog("Rex", 3)
print(d.speak())
print(d.birthday(), d.age)
print(d.species, Dog.species)
print(type(d).__name__, type(d))
print(isinstance(d, Dog), isinstance(d, object), isinstance(3, Dog))
print(Dog.speak(d))
e = Dog("Fido", 1)
print(e.name, d.name)
