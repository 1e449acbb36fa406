"""Reference values for lib/math's accuracy tests, from mpmath at 60 significant digits.

An independent computation: mpmath evaluates each closed form in arbitrary precision at the exact float64
inputs, so the tests compare our float64 code against values correct to far more than 1e-12.
Run (only when adding points): python3 lib/math/__reference__/generate.py > lib/math/__reference__/values.json
(seeded, so rerunning reproduces the file byte for byte)
"""
import json
import random

import mpmath as mp

mp.mp.dps = 60


def s(v):
    return mp.nstr(mp.mpf(v), 18, min_fixed=1, max_fixed=0)


def points():
    xs = {0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 1000.0, -1000.0, 745.0, -745.0, 710.0, -710.0, 1e-300, -1e-300, 5e-324}
    for k in list(range(-300, -20, 7)) + list(range(-20, 4)):  # magnitudes 1e-300 .. 1000, both signs
        for m in (1.0, 3.7):
            xs.update({m * 10.0**k, -m * 10.0**k})
    rng = random.Random(20261127)
    xs.update(rng.uniform(-1000, 1000) for _ in range(80))
    xs.update(rng.uniform(-60, 60) for _ in range(150))
    xs.update(rng.uniform(-8, 8) for _ in range(150))
    xs.update(float(i) for i in range(-40, 41))
    # Around the interior zeros of GELU′ and SiLU′, where the two terms of the derivative cancel.
    for root in (-0.751791524693564457457, -1.27846454276107379510935):
        for d in (0.0, 1e-15, 1e-12, 1e-9, 1e-6, 1e-4, 1e-3, 1e-2, 0.05, 0.1):
            xs.update({root + d, root - d})
        for i in range(-8, 9):  # the float64 neighbours of the root
            xs.add(float(mp.mpf(root)) + i * 2.0**-53)
    return sorted(v for v in xs if -1000 <= v <= 1000)


def sig(x):
    return 1 / (1 + mp.exp(-x))


def rows(xs):
    out = {}
    for name, f, df in [
        ("sigmoid", sig, lambda x: mp.exp(-abs(x)) / (1 + mp.exp(-abs(x))) ** 2),
        ("tanh", mp.tanh, lambda x: mp.sech(x) ** 2),
        ("softplus", lambda x: mp.log1p(mp.exp(x)), sig),
        ("elu", lambda x: x if x > 0 else mp.expm1(x), lambda x: 1 if x > 0 else mp.exp(x)),
        ("gelu", lambda x: x * mp.ncdf(x), lambda x: mp.ncdf(x) + x * mp.npdf(x)),
        ("silu", lambda x: x * sig(x), lambda x: sig(x) * (1 + x * (1 - sig(x)))),
    ]:
        out[name] = [[s(f(mp.mpf(x))), s(df(mp.mpf(x)))] for x in xs]
    return out


def erf_rows():
    rng = random.Random(7)
    ts = {0.0, 1e-300, 1e-20, 1e-8, 0.5, 0.75, 1.0, 2.0, 3.0, 5.0, 10.0, 26.0, 27.0, 27.2, 27.3, 28.0}
    ts.update(rng.uniform(-6, 6) for _ in range(200))
    ts.update(rng.uniform(0.6, 0.9) for _ in range(60))
    ts.update(rng.uniform(-28, 28) for _ in range(100))
    ts = sorted(ts)
    return {
        "t": [repr(t) for t in ts],
        "erf": [s(mp.erf(t)) for t in ts],
        "erfc": [s(mp.erfc(t)) for t in ts],
        "normalCdf": [s(mp.ncdf(t * 1.5)) for t in ts],
        "normalPdf": [s(mp.npdf(t * 1.5)) for t in ts],
    }


xs = points()
doc = {"note": "mpmath " + mp.__version__ + ", 60 digits; see generate.py", "x": [repr(x) for x in xs], "activations": rows(xs), "erf": erf_rows()}
print(json.dumps(doc, separators=(",", ":")))
