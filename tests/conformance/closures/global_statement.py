counter = 0
def bump():
    global counter
    counter += 1
def read():
    return counter
bump(); bump()
print(counter, read())
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def create_global():
    global brand_new
    brand_new = "created"
create_global()
print(brand_new)
items = []
def add_item(x):
    items.append(x)
add_item(1)
print(items)
