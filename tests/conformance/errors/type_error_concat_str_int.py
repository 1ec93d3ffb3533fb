name = "level"
n = 3
print(name + str(n))
print(name + n)
