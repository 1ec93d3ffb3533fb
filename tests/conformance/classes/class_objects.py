class A:
    x = 1
    def m(self):
        return "m"
print(A.__name__, A.x)
print(type(A), type(A).__name__)
print(isinstance(A, type), isinstance(A(), A))
print(A.m(A()))
B = A
print(B.__name__, B is A)
class C(A):
    pass
print(C.__name__, C.x, C().m(), isinstance(C(), A))
print(hasattr(A, "m"), hasattr(A, "zz"))
