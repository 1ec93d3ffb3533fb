/*
 * pymods.c - simulated modules written in Python, compiled and run by memviz itself.
 *
 * CPython's own `weakref` module is mostly Python (Lib/weakref.py) on top of the C module
 * `_weakref`; memviz does the same, so WeakValueDictionary or finalize allocate and count
 * references through the simulated interpreter like everything else. These modules are not
 * __main__: their constants carry no parser-arena reference.
 */
#include "heap/lang/compiler.h"
#include "heap/types/types.h"

#include <string.h>

static const char weakref_src[] =
    "from _weakref import ref, proxy, getweakrefcount, getweakrefs, ReferenceType, ProxyType, "
    "CallableProxyType\n"
    "\n"
    "class WeakValueDictionary:\n"
    "    def __init__(self, other=None, **kw):\n"
    "        self.data = {}\n"
    "        selfref = ref(self)\n"
    "        def remove(wr, key):\n"
    "            d = selfref()\n"
    "            if d is not None and key in d.data and d.data[key] is wr:\n"
    "                del d.data[key]\n"
    "        self._remove = remove\n"
    "        if other is not None:\n"
    "            self.update(other)\n"
    "        if kw:\n"
    "            self.update(kw)\n"
    "    def _ref(self, key, value):\n"
    "        remove = self._remove\n"
    "        return ref(value, lambda wr: remove(wr, key))\n"
    "    def __getitem__(self, key):\n"
    "        o = self.data[key]()\n"
    "        if o is None:\n"
    "            raise KeyError(key)\n"
    "        return o\n"
    "    def __setitem__(self, key, value):\n"
    "        self.data[key] = self._ref(key, value)\n"
    "    def __delitem__(self, key):\n"
    "        del self.data[key]\n"
    "    def __contains__(self, key):\n"
    "        try:\n"
    "            o = self.data[key]()\n"
    "        except KeyError:\n"
    "            return False\n"
    "        return o is not None\n"
    "    def __len__(self):\n"
    "        return len(self.data)\n"
    "    def __iter__(self):\n"
    "        return iter([k for k, wr in list(self.data.items()) if wr() is not None])\n"
    "    def __repr__(self):\n"
    "        return '<WeakValueDictionary at %#x>' % id(self)\n"
    "    def get(self, key, default=None):\n"
    "        try:\n"
    "            wr = self.data[key]\n"
    "        except KeyError:\n"
    "            return default\n"
    "        o = wr()\n"
    "        return default if o is None else o\n"
    "    def keys(self):\n"
    "        return [k for k, wr in list(self.data.items()) if wr() is not None]\n"
    "    def values(self):\n"
    "        return [o for o in [wr() for wr in list(self.data.values())] if o is not None]\n"
    "    def items(self):\n"
    "        out = []\n"
    "        for k, wr in list(self.data.items()):\n"
    "            o = wr()\n"
    "            if o is not None:\n"
    "                out.append((k, o))\n"
    "        return out\n"
    "    def pop(self, key, *args):\n"
    "        try:\n"
    "            o = self.data.pop(key)()\n"
    "        except KeyError:\n"
    "            if args:\n"
    "                return args[0]\n"
    "            raise\n"
    "        if o is None:\n"
    "            if args:\n"
    "                return args[0]\n"
    "            raise KeyError(key)\n"
    "        return o\n"
    "    def setdefault(self, key, default=None):\n"
    "        o = self.get(key)\n"
    "        if o is None:\n"
    "            self[key] = default\n"
    "            return default\n"
    "        return o\n"
    "    def update(self, other=None, **kw):\n"
    "        if other is not None:\n"
    "            if hasattr(other, 'items'):\n"
    "                other = other.items()\n"
    "            for k, v in other:\n"
    "                self[k] = v\n"
    "        for k, v in kw.items():\n"
    "            self[k] = v\n"
    "    def clear(self):\n"
    "        self.data.clear()\n"
    "    def copy(self):\n"
    "        n = WeakValueDictionary()\n"
    "        for k, v in self.items():\n"
    "            n[k] = v\n"
    "        return n\n"
    "    __copy__ = copy\n"
    "    def popitem(self):\n"
    "        while True:\n"
    "            key, wr = self.data.popitem()\n"
    "            o = wr()\n"
    "            if o is not None:\n"
    "                return key, o\n"
    "    def valuerefs(self):\n"
    "        return list(self.data.values())\n"
    "    def itervaluerefs(self):\n"
    "        return iter(list(self.data.values()))\n"
    "\n"
    "class WeakKeyDictionary:\n"
    "    def __init__(self, dict=None):\n"
    "        self.data = {}\n"
    "        selfref = ref(self)\n"
    "        def remove(k):\n"
    "            d = selfref()\n"
    "            if d is not None:\n"
    "                try:\n"
    "                    del d.data[k]\n"
    "                except KeyError:\n"
    "                    pass\n"
    "        self._remove = remove\n"
    "        if dict is not None:\n"
    "            self.update(dict)\n"
    "    def __getitem__(self, key):\n"
    "        return self.data[ref(key)]\n"
    "    def __setitem__(self, key, value):\n"
    "        self.data[ref(key, self._remove)] = value\n"
    "    def __delitem__(self, key):\n"
    "        del self.data[ref(key)]\n"
    "    def __contains__(self, key):\n"
    "        try:\n"
    "            wr = ref(key)\n"
    "        except TypeError:\n"
    "            return False\n"
    "        return wr in self.data\n"
    "    def __len__(self):\n"
    "        return len(self.data)\n"
    "    def __iter__(self):\n"
    "        return iter(self.keys())\n"
    "    def __repr__(self):\n"
    "        return '<WeakKeyDictionary at %#x>' % id(self)\n"
    "    def get(self, key, default=None):\n"
    "        return self.data.get(ref(key), default)\n"
    "    def keys(self):\n"
    "        return [o for o in [wr() for wr in list(self.data)] if o is not None]\n"
    "    def values(self):\n"
    "        return [v for wr, v in list(self.data.items()) if wr() is not None]\n"
    "    def items(self):\n"
    "        out = []\n"
    "        for wr, v in list(self.data.items()):\n"
    "            o = wr()\n"
    "            if o is not None:\n"
    "                out.append((o, v))\n"
    "        return out\n"
    "    def pop(self, key, *args):\n"
    "        return self.data.pop(ref(key), *args)\n"
    "    def keyrefs(self):\n"
    "        return list(self.data)\n"
    "    def copy(self):\n"
    "        n = WeakKeyDictionary()\n"
    "        for k, v in self.items():\n"
    "            n[k] = v\n"
    "        return n\n"
    "    def update(self, dict=None, **kw):\n"
    "        if dict is not None:\n"
    "            if hasattr(dict, 'items'):\n"
    "                dict = dict.items()\n"
    "            for k, v in dict:\n"
    "                self[k] = v\n"
    "        for k, v in kw.items():\n"
    "            self[k] = v\n"
    "\n"
    "class WeakSet:\n"
    "    def __init__(self, data=None):\n"
    "        self.data = set()\n"
    "        selfref = ref(self)\n"
    "        def remove(item):\n"
    "            s = selfref()\n"
    "            if s is not None:\n"
    "                s.data.discard(item)\n"
    "        self._remove = remove\n"
    "        if data is not None:\n"
    "            self.update(data)\n"
    "    def add(self, item):\n"
    "        self.data.add(ref(item, self._remove))\n"
    "    def discard(self, item):\n"
    "        self.data.discard(ref(item))\n"
    "    def remove(self, item):\n"
    "        self.data.remove(ref(item))\n"
    "    def update(self, other):\n"
    "        for e in other:\n"
    "            self.add(e)\n"
    "    def __contains__(self, item):\n"
    "        try:\n"
    "            wr = ref(item)\n"
    "        except TypeError:\n"
    "            return False\n"
    "        return wr in self.data\n"
    "    def __len__(self):\n"
    "        return len(self.data)\n"
    "    def __iter__(self):\n"
    "        return iter([o for o in [wr() for wr in list(self.data)] if o is not None])\n"
    "    def clear(self):\n"
    "        self.data.clear()\n"
    "    def copy(self):\n"
    "        return WeakSet(self)\n"
    "    def __repr__(self):\n"
    "        return '<WeakSet at %#x>' % id(self)\n"
    "\n"
    "class finalize:\n"
    "    _registry = {}\n"
    "    atexit = True\n"
    "    def __init__(self, obj, func, /, *args, **kwargs):\n"
    "        self._ref = ref(obj, self)\n"
    "        finalize._registry[self] = (func, args, kwargs)\n"
    "    def __call__(self, _=None):\n"
    "        info = finalize._registry.pop(self, None)\n"
    "        if info is not None:\n"
    "            func, args, kwargs = info\n"
    "            return func(*args, **kwargs)\n"
    "    def detach(self):\n"
    "        info = finalize._registry.pop(self, None)\n"
    "        obj = self._ref()\n"
    "        if info is not None and obj is not None:\n"
    "            return (obj,) + info\n"
    "    def peek(self):\n"
    "        info = finalize._registry.get(self)\n"
    "        obj = self._ref()\n"
    "        if info is not None and obj is not None:\n"
    "            return (obj,) + info\n"
    "    @property\n"
    "    def alive(self):\n"
    "        return self in finalize._registry\n"
    "    def __repr__(self):\n"
    "        return '<finalize object at %#x>' % id(self)\n";

/* memory_profiler (simulated: see memprof.c): memory_usage and @profile, same output format */
static const char memory_profiler_src[] =
    "import _memviz\n"
    "__version__ = '0.61.0 (memviz simulation)'\n"
    "\n"
    "def memory_usage(proc=-1, interval=0.1, timeout=None, timestamps=False, "
    "include_children=False,\n"
    "                 multiprocess=False, max_usage=False, retval=False, stream=None, "
    "backend=None,\n"
    "                 max_iterations=None):\n"
    "    ret = None\n"
    "    if callable(proc):\n"
    "        proc = (proc, (), {})\n"
    "    if isinstance(proc, (list, tuple)):\n"
    "        if len(proc) == 0 or len(proc) > 3:\n"
    "            raise ValueError('The tuple argument must be of the form (f, args, kw)')\n"
    "        f = proc[0]\n"
    "        args = tuple(proc[1]) if len(proc) > 1 else ()\n"
    "        kw = dict(proc[2]) if len(proc) > 2 else {}\n"
    "        samples, ret = _memviz.sample(f, args, kw, interval)\n"
    "    else:\n"
    "        samples = [_memviz.rss()]\n"
    "    if max_usage:\n"
    "        samples = max(samples)\n"
    "    if retval:\n"
    "        return samples, ret\n"
    "    return samples\n"
    "\n"
    "def _show(func, rows, precision):\n"
    "    filename, lines = _memviz.source()\n"
    "    template = '{0:>6} {1:>12} {2:>12}  {3:>10}   {4:<}'\n"
    "    out = ['Filename: ' + filename, '']\n"
    "    header = template.format('Line #', 'Mem usage', 'Increment', 'Occurrences', 'Line "
    "Contents')\n"
    "    out.append(header)\n"
    "    out.append('=' * len(header))\n"
    "    seen = {}\n"
    "    for line, mem, inc, occ in rows:\n"
    "        seen[line] = (mem, inc, occ)\n"
    "    first = rows[0][0] if rows else 1\n"
    "    last = rows[-1][0] if rows else 0\n"
    "    fmt = '{0:' + str(precision + 5) + '.' + str(precision) + 'f} MiB'\n"
    "    for line in range(first, last + 1):\n"
    "        text = lines[line - 1] if 0 < line <= len(lines) else ''\n"
    "        if line in seen:\n"
    "            mem, inc, occ = seen[line]\n"
    "            out.append(template.format(line, fmt.format(mem), fmt.format(inc), occ, text))\n"
    "        else:\n"
    "            out.append(template.format(line, '', '', '', text))\n"
    "    print('\\n'.join(out) + '\\n\\n')\n"
    "\n"
    "def profile(func=None, stream=None, precision=1, backend='psutil'):\n"
    "    def wrap(f):\n"
    "        def wrapper(*args, **kwargs):\n"
    "            result, rows = _memviz.profile(f, args, kwargs)\n"
    "            _show(f, rows, precision)\n"
    "            return result\n"
    "        wrapper.__name__ = f.__name__\n"
    "        return wrapper\n"
    "    if func is not None:\n"
    "        return wrap(func)\n"
    "    return wrap\n";

static const struct {
    const char *name;
    const char *src;
} py_modules[] = {
    {"weakref", weakref_src},
    {"memory_profiler", memory_profiler_src},
};

/* Runs Python source as module `name`. NEW module or NULL. */
static Obj *run_py_module(Vm *vm, const char *name, const char *src) {
    Ast ast;
    SyntaxErr se;
    if (parse_module(src, strlen(src), &ast, &se) < 0)
        return vm_raise(vm, &Exc_SystemError, "module %s: %s at line %d", name, se.msg, se.line);
    char fname[64];
    snprintf(fname, sizeof fname, "<memviz %s>", name);
    Code *co = comp_module(vm, &ast, fname, false, &se);
    ast_free(&ast);
    if (!co)
        return vm_raise(vm, &Exc_SystemError, "module %s: %s at line %d", name, se.msg, se.line);
    Obj *m = module_new(vm, name);
    if (!m) {
        DECREF(vm, co);
        return NULL;
    }
    Obj *bm = dict_get_cstr(vm, vm->modules, "builtins");
    if (bm) dict_set_cstr(vm, ((Module *)m)->dict, "__builtins__", bm);
    /* registered first, so that the module can import itself or be found while running */
    dict_set_cstr(vm, vm->modules, name, m);
    extern Obj *vm_run_code(Vm * vm, Code * co, Obj * globals);
    Obj *r = vm_run_code(vm, co, ((Module *)m)->dict);
    DECREF(vm, co);
    if (!r) {
        Obj *k = str_from_cstr(vm, name);
        Obj *saved = vm_fetch_exc(vm);
        dict_pop_str(vm, vm->modules, k);
        vm->exc = saved;
        DECREF(vm, k);
        DECREF(vm, m);
        return NULL;
    }
    DECREF(vm, r);
    return m;
}

Obj *lib_module_new(Vm *vm, const char *name) {
    if (!strcmp(name, "_weakref")) {
        extern const MethodDef weakref_funcs[];
        Obj *m = module_new(vm, "_weakref");
        if (!m) return NULL;
        Obj *d = ((Module *)m)->dict;
        module_add_funcs(vm, m, weakref_funcs);
        dict_set_cstr(vm, d, "ref", (Obj *)&WeakRefType);
        dict_set_cstr(vm, d, "ReferenceType", (Obj *)&WeakRefType);
        dict_set_cstr(vm, d, "proxy", (Obj *)&WeakProxyType);
        dict_set_cstr(vm, d, "ProxyType", (Obj *)&WeakProxyType);
        dict_set_cstr(vm, d, "CallableProxyType", (Obj *)&WeakProxyType);
        return m;
    }
    if (!strcmp(name, "_memviz")) {
        extern const MethodDef memviz_funcs[];
        Obj *m = module_new(vm, "_memviz");
        if (m) module_add_funcs(vm, m, memviz_funcs);
        return m;
    }
    for (size_t i = 0; i < sizeof py_modules / sizeof py_modules[0]; i++)
        if (!strcmp(name, py_modules[i].name)) return run_py_module(vm, name, py_modules[i].src);
    return NULL;
}
