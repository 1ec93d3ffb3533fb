class Animal:
    def __init__(self, name):
        self.name = name
        print("Animal.__init__", name)
    def speak(self):
        return "..."
    def describe(self):
        return self.name + " says " + self.speak()
class Cat(Animal):
    def __init__(self, name, indoor):
        super().__init__(name)
        self.indoor = indoor
        print("Cat.__init__", indoor)
    def speak(self):
        return "meow"
class Lion(Cat):
    def speak(self):
        return super().speak().upper() + "!"
a = Animal("generic")
c = Cat("Tom", True)
l = Lion("Leo", False)
for x in [a, c, l]:
    print(x.describe())
print(isinstance(l, Animal), isinstance(c, Lion), isinstance(l, Cat))
print(type(l).__name__, l.indoor)
