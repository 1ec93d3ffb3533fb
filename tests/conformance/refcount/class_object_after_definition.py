import sys
class P:
    pass
print("class P:", sys.getrefcount(P))
class Q(P):
    pass
print("P after subclass Q:", sys.getrefcount(P))
print("class Q:", sys.getrefcount(Q))
alias = P
print("P with alias:", sys.getrefcount(P))
