counter = 5
print("counter is", counter)
print(countr + 1)
