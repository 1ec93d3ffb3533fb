def add(a, b):
    return a + b
def sub(a, b):
    return a - b
ops = {"+": add, "-": sub}
for sym in ["+", "-"]:
    print(sym, ops[sym](10, 3))
print(add.__name__, type(add).__name__)
alias = add
print(alias(1, 2), alias is add, alias.__name__)
def apply_twice(f, x):
    return f(f(x))
print(apply_twice(lambda v: v * 3, 2))
def make_list(n, factory=list):
    return [factory() for _ in range(n)]
print(make_list(2), make_list(2, dict))
print([str(x) for x in [1, 2]])
print(hasattr(add, "__name__"), hasattr(3, "__name__"))
