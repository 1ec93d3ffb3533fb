def todo():
    pass
class Empty:
    pass
for i in range(2):
    pass
if True:
    pass
print(todo(), i, type(Empty()).__name__)
while False:
    pass
try:
    pass
except Exception:
    pass
else:
    print("else after pass")
print("done")
