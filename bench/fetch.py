#!/usr/bin/env python3
"""Fetch benchmark (issue 3): our HTTPClient vs `curl --parallel` against nginx on loopback.

nginx (started here, on 127.0.0.1, one worker) serves N pages of S bytes; both clients fetch
the same URL list with the same number of transfers in flight. Reports requests/s, MB/s,
CPU seconds per 1,000 requests (user + system of the client process) and the wall-time ratio.

Usage: bench/fetch.py --copydesk .build/release/copydesk-bench [--count 20000] [--size 20480] [--parallel 64]
"""
import argparse, os, random, resource, shutil, signal, socket, subprocess, sys, tempfile, time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_site(root, count, size):
    """N pages of exactly `size` bytes: windows into one pool of generated text, so that writing
    20,000 pages takes a second or two rather than generating 400 MB of words one by one."""
    words = ("council harbour bridge reopen engineers bearings ferry timetable minister budget "
             "election weather storm school hospital report court verdict market shares").split()
    rng = random.Random(3)
    pool = " ".join(rng.choice(words) for _ in range(max(size, 1 << 20) // 4)).encode()
    os.makedirs(os.path.join(root, "a"), exist_ok=True)
    span = len(pool) - size
    for i in range(count):
        offset = (i * 7919) % span
        with open(os.path.join(root, "a", f"{i}.html"), "wb") as f:
            f.write(pool[offset:offset + size])


def start_nginx(work, root, port):
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write(f"""
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    keepalive_timeout 60s;
    client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;
    uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
    types {{ text/html html; }}
    server {{ listen 127.0.0.1:{port}; root {root}; }}
}}
""")
    os.makedirs(os.path.join(work, "tmp"), exist_ok=True)
    proc = subprocess.Popen(["nginx", "-c", conf, "-p", work], stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    sys.exit("nginx did not start")


def measure(cmd, **kw):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(cmd, **kw)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result, wall, cpu


def report(name, count, nbytes, wall, cpu):
    print(f"{name:10s} requests={count} wall={wall:.3f}s req/s={count / wall:.0f} "
          f"MB/s={nbytes / wall / 1e6:.1f} cpu-s/1k-req={cpu / count * 1000:.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copydesk", required=True)
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--size", type=int, default=20 * 1024)
    ap.add_argument("--parallel", type=int, default=64)
    ap.add_argument("--rounds", type=int, default=1, help="alternate runs of each client; best wall counts")
    args = ap.parse_args()
    if not shutil.which("nginx"):
        sys.exit("nginx not installed (apt-get install -y nginx-light)")

    work = tempfile.mkdtemp(prefix="copydesk-fetch-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    os.chmod(work, 0o755)  # nginx workers run as an unprivileged user
    nginx = None
    try:
        root = os.path.join(work, "site")
        make_site(root, args.count, args.size)
        port = free_port()
        nginx = start_nginx(work, root, port)
        urls = [f"http://127.0.0.1:{port}/a/{i}.html" for i in range(args.count)]
        listing = os.path.join(work, "urls.txt")
        with open(listing, "w") as f:
            f.write("\n".join(urls) + "\n")
        curl_config = os.path.join(work, "curl.cfg")
        with open(curl_config, "w") as f:
            for url in urls:
                f.write(f'url = "{url}"\noutput = "/dev/null"\n')
        total_bytes = args.count * args.size

        # Warm the page cache and nginx once so neither client pays for it.
        subprocess.run(["curl", "-s", "--no-progress-meter", "--parallel", "--parallel-max", str(args.parallel), "-K", curl_config],
                       check=True)

        best = {}
        for _ in range(args.rounds):
            ours, wall, cpu = measure([args.copydesk, "fetch", "--urls", listing, "--parallel", str(args.parallel)],
                                      stderr=subprocess.PIPE, text=True)
            summary = ours.stderr.strip().splitlines()
            if ours.returncode != 0 or "failed=0" not in (summary[0] if summary else ""):
                sys.exit("copydesk failed:\n" + ours.stderr)
            if "copydesk" not in best or wall < best["copydesk"][0]:
                best["copydesk"] = (wall, cpu)
            theirs, wall, cpu = measure(["curl", "-s", "--no-progress-meter", "--fail", "--parallel", "--parallel-max", str(args.parallel),
                                         "-K", curl_config])
            if theirs.returncode != 0:
                sys.exit(f"curl failed with {theirs.returncode}")
            if "curl" not in best or wall < best["curl"][0]:
                best["curl"] = (wall, cpu)

        print(f"pages={args.count} size={args.size}B parallel={args.parallel} rounds={args.rounds} "
              f"server=nginx/1 worker on 127.0.0.1")
        report("copydesk", args.count, total_bytes, *best["copydesk"])
        report("curl", args.count, total_bytes, *best["curl"])
        ratio = best["copydesk"][0] / best["curl"][0]
        print(f"wall-time ratio copydesk/curl = {ratio:.2f} (target <= 1.25)")
    finally:
        if nginx:
            nginx.send_signal(signal.SIGQUIT)
            try:
                nginx.wait(timeout=5)
            except subprocess.TimeoutExpired:
                nginx.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
