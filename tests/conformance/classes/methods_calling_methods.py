class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        self._record("deposit", amount)
        self.balance += amount
        return self
    def withdraw(self, amount):
        if amount > self.balance:
            self._record("denied", amount)
            return self
        self._record("withdraw", amount)
        self.balance -= amount
        return self
    def _record(self, kind, amount):
        self.history.append((kind, amount))
acct = Account("ann", 10)
acct.deposit(5).withdraw(100).withdraw(3)
print(acct.balance)
print(acct.history)
m = acct.deposit
m(1)
print(acct.balance, m.__name__)
