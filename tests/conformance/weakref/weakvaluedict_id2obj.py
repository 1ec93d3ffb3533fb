import weakref

class A:
    pass

_id2obj_dict = weakref.WeakValueDictionary()

def remember(obj):
    oid = id(obj)
    _id2obj_dict[oid] = obj
    return oid

def id2obj(oid):
    return _id2obj_dict[oid]

a = A()
a_id = remember(a)
print(id2obj(a_id) is a)
del a
try:
    id2obj(a_id)
except KeyError:
    print("OK")
else:
    print("WeakValueDictionary error")
print(len(_id2obj_dict))
