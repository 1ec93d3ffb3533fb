count = 7
print("count", count)
for i in count:
    print(i)
