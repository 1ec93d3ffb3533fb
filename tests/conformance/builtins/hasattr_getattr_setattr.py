class Obj:
    cls_attr = "c"
o = Obj()
setattr(o, "dyn", 42)
print(hasattr(o, "dyn"), hasattr(o, "cls_attr"), hasattr(o, "missing"))
print(getattr(o, "dyn"), getattr(o, "cls_attr"), getattr(o, "missing", None))
print(getattr("text", "upper")(), hasattr([], "append"), hasattr(5, "real"))
for name in ["a", "b", "c"]:
    setattr(o, name, name * 2)
print(o.a, o.b, o.c)
print(getattr(Obj, "cls_attr"))
setattr(Obj, "cls_attr", "changed")
print(o.cls_attr)
