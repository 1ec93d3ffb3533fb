ages = {"ann": 30, "bob": 25}
print(ages["ann"])
print(ages["carl"])
