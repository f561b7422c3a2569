"""wrk for `make loadtest` (bench/loadtest.py): run it against a URL with the Lua script
that counts every status (bench/loadtest.lua), and read its output: requests, req/s, p50,
p99, statuses and socket errors, and why a measurement does not count."""

import json
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

LUA = Path(__file__).with_name("loadtest.lua")


@dataclass
class WrkResult:
    requests: int = 0
    duration_s: float = 0.0
    p50_ms: float | None = None
    p99_ms: float | None = None
    statuses: dict[int, int] = field(default_factory=dict)  # empty: wrk's text only
    socket_errors: dict[str, int] = field(default_factory=dict)
    over_399: int = 0  # wrk's own "Non-2xx or 3xx responses" (statuses >= 400)
    exact: bool = False  # from the Lua script's JSON (every status counted)

    @property
    def rps(self):
        return self.requests / self.duration_s if self.duration_s else 0.0

    @property
    def non_2xx(self):
        if self.statuses:
            return sum(n for code, n in self.statuses.items() if not 200 <= code < 300)
        return self.over_399

    def failure(self):
        """Why this measurement does not count ('' when it does)."""
        reasons = []
        if self.requests == 0:
            reasons.append("no response")
        if self.non_2xx:
            bad = {c: n for c, n in sorted(self.statuses.items()) if not 200 <= c < 300}
            detail = ", ".join(f"{c}: {n}" for c, n in bad.items()) or f">=400: {self.over_399}"
            reasons.append(f"{self.non_2xx} non-2xx ({detail})")
        errors = {k: v for k, v in self.socket_errors.items() if v and k != "status"}
        if errors:
            reasons.append("socket errors " + ", ".join(f"{k} {v}" for k, v in errors.items()))
        return "; ".join(reasons)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip()).groups()
    return float(number) * _UNITS[unit]


def parse_wrk(output: str) -> WrkResult:
    """wrk's output -> WrkResult. Uses the LOADTEST_JSON line of bench/loadtest.lua when
    present (exact percentiles, every status); otherwise wrk's text with --latency,
    where only statuses >= 400 are known to be errors."""
    for line in output.splitlines():
        if line.startswith("LOADTEST_JSON "):
            data = json.loads(line.split(" ", 1)[1])
            latency = data["latency_us"]
            return WrkResult(
                requests=data["requests"],
                duration_s=data["duration_us"] / 1e6,
                p50_ms=latency["p50"] / 1000 if data["requests"] else None,
                p99_ms=latency["p99"] / 1000 if data["requests"] else None,
                statuses={int(code): n for code, n in data["statuses"].items()},
                socket_errors=data["errors"],
                over_399=data["errors"]["status"],
                exact=True,
            )
    result = WrkResult()
    if m := re.search(r"^\s*(\d+) requests in ([\d.]+\w+)", output, re.M):
        result.requests = int(m.group(1))
        result.duration_s = _ms(m.group(2)) / 1000
    if m := re.search(r"^\s*50%\s+(\S+)", output, re.M):
        result.p50_ms = _ms(m.group(1))
    if m := re.search(r"^\s*99%\s+(\S+)", output, re.M):
        result.p99_ms = _ms(m.group(1))
    if m := re.search(r"Non-2xx or 3xx responses:\s*(\d+)", output):
        result.over_399 = int(m.group(1))
    if m := re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    ):
        result.socket_errors = dict(zip(("connect", "read", "write", "timeout"),
                                        map(int, m.groups()), strict=True))
    return result


def run_wrk(url, cookie, args, duration=None) -> tuple[WrkResult, str]:
    duration = duration or args.duration
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{duration}s",
               "--timeout", "30s", "--latency", "-s", str(LUA)]
    if cookie:
        command += ["-H", f"Cookie: sessionid={cookie}"]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=False)
    return parse_wrk(out.stdout), out.stdout + out.stderr


