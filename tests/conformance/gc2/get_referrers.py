import gc

class Holder:
    def __init__(self, item):
        self.item = item

def referrer_names(obj):
    return sorted(type(r).__name__ for r in gc.get_referrers(obj))

def main():
    target = [42]
    box = [target]
    h = Holder(target)
    print("list + instance:", referrer_names(target))
    refs = gc.get_referrers(target)
    print(len(refs), any(r is box for r in refs), any(r is h for r in refs))
    del refs
    h.__dict__
    print("after __dict__ was materialized:", referrer_names(target))
    del box
    print("after del box:", referrer_names(target))
    t = (target, 1)
    print("plus a tuple:", referrer_names(target))
    del h, t
    print("only the local variable:", gc.get_referrers(target))

main()
