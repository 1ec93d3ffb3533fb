class InsufficientFunds(Exception):
    pass
def pay(amount):
    if amount > 100:
        raise InsufficientFunds(f"cannot pay {amount}")
    return amount
print(pay(50))
pay(500)
