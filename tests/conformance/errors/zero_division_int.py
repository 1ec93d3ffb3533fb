print("before")
x = 10
y = 0
print(x // 2)
print(x / y)
print("not reached")
