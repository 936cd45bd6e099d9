#!/usr/bin/env python3
"""Start-up benchmark (docs/benchmarks.md, "Start-up"). Not a test.

Starts Keyport again and again in fresh processes on its own X display (Xvfb + openbox) and reads the
marks Keyport writes with -Dkeyport.startup.trace (app/.../startup/StartupTrace.java):

  unlock run: launch -> jvm-start -> main -> toolkit -> unlock-window (first frame of the unlock
              dialog); then the password is typed (xdotool) -> password-entered -> vault-open ->
              context -> window-shown -> host-list (first frame showing the hosts)
  demo run:   launch -> jvm-start -> main -> toolkit/vault-open/context -> demo-window

Each mark also carries the process's CPU time so far; "step CPU" is the CPU (all threads) spent between
two marks, the figure to compare on a shared machine, where wall time grows with the load average.

for each configuration: the jar as the README starts it (the JDK's own class-data sharing only), the
jar with an application CDS archive made by this script, the installed app (/opt/keyport, with the
archive the build made) and the installed app without any CDS (-Xshare:off). Prints the median of
RUNS runs per phase. Every run is a new JVM; the OS file cache stays warm.

Usage: bench/startup.py [--runs N] [--think SECONDS] [--configs jar,jar-cds,installed,installed-nocds] [--hosts N]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.environ.get("KEYPORT_BENCH_JAR", os.path.join(ROOT, "app", "target", "keyport.jar"))
PASSWORD = "startup benchmark password"
THINK = 0.0
UNLOCK_PHASES = ["jvm-start", "main", "toolkit", "unlock-window", "password-entered", "vault-unlocked", "vault-open",
                 "context", "model-loaded", "window-built", "window-shown", "host-list"]
DEMO_PHASES = ["jvm-start", "main", "toolkit", "vault-open", "context", "model-loaded", "window-built", "window-shown",
               "demo-window"]


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def start_display(work):
    fd_r, fd_w = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(fd_w), "-screen", "0", "1400x900x24"], pass_fds=[fd_w],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(fd_w)
    display = ":" + os.read(fd_r, 32).decode().strip()
    os.close(fd_r)
    env = dict(os.environ, DISPLAY=display)
    deadline = time.time() + 10
    while subprocess.run(["xdotool", "getdisplaygeometry"], env=env, capture_output=True).returncode != 0:
        if time.time() > deadline or xvfb.poll() is not None:
            sys.exit(f"startup.py: the X server on {display} does not answer")
        time.sleep(0.1)
    wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    return display, [wm, xvfb]


def command(config, work):
    if config.startswith("jar"):
        cmd = [os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java"), "-Xmx384m"]
        if config == "jar-cds":
            cmd.append("-XX:SharedArchiveFile=" + os.path.join(work, "jar.jsa"))
        return cmd, ["-jar", JAR], {}
    env = {}
    if config == "installed-nocds":
        env["_JAVA_OPTIONS"] = "-Xshare:off"  # read after the launcher's own options, so it wins
    return ["/opt/keyport/bin/keyport"], [], env


def run_once(config, kind, work, display, index):
    trace = os.path.join(work, f"{config}-{kind}-{index}.trace")
    data = os.path.join(work, "vault") if kind == "unlock" else None
    base, tail, extra_env = command(config, work)
    exit_after = "host-list" if kind == "unlock" else "demo-window"
    props = [f"-Dkeyport.startup.trace={trace}", f"-Dkeyport.startup.exitAfter={exit_after}"]
    env = dict(os.environ, DISPLAY=display, **extra_env)
    env.pop("KEYPORT_MASTER_PASSWORD_FILE", None)
    if config.startswith("installed"):
        env["JAVA_TOOL_OPTIONS"] = " ".join(props)
        cmd = base
    else:
        cmd = base + props + tail
    cmd = cmd + (["--data-dir", data] if data else ["--demo"])
    load = os.getloadavg()[0]
    launch = time.time()
    log = open(trace + ".log", "w")  # what Keyport printed, shown when a run does not reach its last phase
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    if kind == "unlock":
        deadline = time.time() + 120
        while time.time() < deadline and not marked(trace, "unlock-window"):
            time.sleep(0.05)
        window = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "Unlock Keyport"], env=env,
                                capture_output=True, text=True, timeout=60).stdout.split()
        if window:
            time.sleep(THINK)  # --think: a person reads the dialog before typing; the warm-up runs meanwhile
            subprocess.run(["xdotool", "windowactivate", "--sync", window[0]], env=env, capture_output=True)
            subprocess.run(["xdotool", "type", "--delay", "0", PASSWORD], env=env)
            subprocess.run(["xdotool", "key", "Return"], env=env)
    deadline = time.time() + 300
    status = None
    while status is None and time.time() < deadline:
        pid, _, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            status = usage
        else:
            time.sleep(0.05)
    if status is None:
        proc.kill()
        _, _, status = os.wait4(proc.pid, 0)
    proc.returncode = 0
    log.close()
    marks = read(trace)
    if exit_after not in marks:
        print(f"startup.py: run {index} of {config}/{kind} did not reach {exit_after}; it printed:", file=sys.stderr)
        print(open(trace + ".log").read()[-2000:], file=sys.stderr)
    marks["launch"] = int(launch * 1000)
    marks["load"] = load  # the 1-minute load average as the run started (the machine is shared)
    marks["cpu"] = int((status.ru_utime + status.ru_stime) * 1000)  # the whole run's CPU, all threads
    return marks


def marked(trace, phase):
    return phase in read(trace)


def read(trace):
    marks = {}
    if os.path.exists(trace):
        for line in open(trace):
            parts = line.split()
            if len(parts) >= 2:
                marks.setdefault(parts[0], int(parts[1]))
            if len(parts) == 3:
                marks.setdefault("cpu:" + parts[0], int(parts[2]))  # the process's CPU time so far
    return marks


def prepare(work, hosts):
    vault = os.path.join(work, "vault")
    pw = os.path.join(work, "master")
    with open(pw, "w") as f:
        f.write(PASSWORD + "\n")
    env = dict(os.environ, KEYPORT_MASTER_PASSWORD_FILE=pw)
    java = [os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java"), "-jar", JAR]
    sh(java + ["vault", "init", "--data-dir", vault], env=env, stdout=subprocess.DEVNULL)
    config = os.path.join(work, "ssh_config")
    with open(config, "w") as f:
        for i in range(hosts):
            f.write(f"Host host-{i:03d}\n  HostName 10.0.{i // 250}.{i % 250 + 1}\n  User deploy\n\n")
    sh(java + ["import-ssh-config", config, "--data-dir", vault], env=env, stdout=subprocess.DEVNULL)


def train_jar_archive(work, display):
    """An application CDS archive for the jar: one demo run with -XX:ArchiveClassesAtExit."""
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
    trace = os.path.join(work, "train.trace")
    subprocess.run([java, "-Xmx384m", "-XX:ArchiveClassesAtExit=" + os.path.join(work, "jar.jsa"),
                    f"-Dkeyport.startup.trace={trace}", "-Dkeyport.startup.exitAfter=demo-window", "-jar", JAR, "--demo"],
                   env=dict(os.environ, DISPLAY=display), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900)


def report(config, kind, runs):
    phases = UNLOCK_PHASES if kind == "unlock" else DEMO_PHASES
    prev = "launch"
    rows = []
    for phase in phases:
        deltas = [r[phase] - r[prev] for r in runs if phase in r and prev in r]
        total = [r[phase] - r["launch"] for r in runs if phase in r]
        cpu_prev = "cpu:" + prev
        cpu = [r["cpu:" + phase] - r.get(cpu_prev, 0) for r in runs if "cpu:" + phase in r]
        if deltas:
            rows.append((phase, statistics.median(deltas), statistics.median(total),
                         statistics.median(cpu) if cpu else float("nan"), len(deltas)))
            prev = phase
    print(f"\n{config} / {kind}: median of {len(runs)} runs (ms)")
    print(f"  {'phase':<18}{'step':>8}{'since launch':>14}{'step CPU':>10}  runs")
    for phase, step, total, cpu, n in rows:
        print(f"  {phase:<18}{step:>8.0f}{total:>14.0f}{cpu:>10.0f}  {n}")
    loads = ", ".join("%.1f" % r["load"] for r in runs)
    print(f"  load average at each start: {loads}")
    cpu = [r["cpu"] for r in runs]
    print(f"  CPU of the whole run (all threads): median {statistics.median(cpu):.0f} ms (runs: {', '.join(str(c) for c in cpu)})")
    if kind == "unlock":
        after = [r["host-list"] - r["password-entered"] for r in runs if "host-list" in r and "password-entered" in r]
        if after:
            print(f"  host list after the password: median {statistics.median(after):.0f} ms "
                  f"(runs: {', '.join(str(a) for a in after)})")
        first = [r["unlock-window"] - r["launch"] for r in runs if "unlock-window" in r]
        print(f"  launch to unlock window: runs {', '.join(str(a) for a in first)}")
    else:
        demo = [r["demo-window"] - r["launch"] for r in runs if "demo-window" in r]
        print(f"  launch to demo window: runs {', '.join(str(a) for a in demo)}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--configs", default="jar,jar-cds,installed,installed-nocds")
    parser.add_argument("--kinds", default="unlock,demo")
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--think", type=float, default=0.0,
                        help="seconds between the unlock window appearing and the password being typed (0: at once,"
                             " the worst case; a person takes a few seconds)")
    parser.add_argument("--display", help="an X display with a window manager to use instead of starting Xvfb + openbox")
    args = parser.parse_args()
    global THINK
    THINK = args.think
    configs = args.configs.split(",")
    if any(c.startswith("installed") for c in configs) and not os.path.exists("/opt/keyport/bin/keyport"):
        sys.exit("startup.py: /opt/keyport/bin/keyport is not installed (sudo dpkg -i installers/target/keyport_*.deb)")
    work = tempfile.mkdtemp(prefix="keyport-startup-")
    display, servers = (args.display, []) if args.display else start_display(work)
    try:
        prepare(work, args.hosts)
        if "jar-cds" in configs:
            train_jar_archive(work, display)
        for config in configs:
            for kind in args.kinds.split(","):
                runs = [run_once(config, kind, work, display, i) for i in range(args.runs)]
                report(config, kind, runs)
                sys.stdout.flush()
    finally:
        for server in servers:
            server.terminate()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
