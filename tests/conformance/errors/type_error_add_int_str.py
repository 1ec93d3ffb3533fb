age = 30
print("age:", age)
message = age + " years"
