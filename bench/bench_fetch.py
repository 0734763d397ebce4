"""Fetch (issue 3): our HTTP client vs `curl --parallel` on the same URL list, nginx on loopback."""
import os
import shutil
import signal
import subprocess
import tempfile

import fetch as fetch_tools
from common import BENCH_BIN, Row, log, measure, spread


def run(quick):
    count = 2_000 if quick else 20_000
    size = 20 * 1024
    parallel = 64
    rounds = 1 if quick else 5
    name = f"fetch {count // 1000}k x 20 KB, {parallel} in flight"
    if not shutil.which("nginx"):
        return [Row(name, "wall time", "s", note="nginx missing (apt-get install -y nginx-light): not measured", met=False,
                    target="<= 1.25x curl")], {}
    curl_version = subprocess.run(["curl", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    work = tempfile.mkdtemp(prefix="copydesk-fetch-bench-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    os.chmod(work, 0o755)  # nginx workers run as an unprivileged user
    nginx = None
    try:
        root = os.path.join(work, "site")
        fetch_tools.make_site(root, count, size)
        port = fetch_tools.free_port()
        nginx = fetch_tools.start_nginx(work, root, port)
        urls = [f"http://127.0.0.1:{port}/a/{i}.html" for i in range(count)]
        listing = os.path.join(work, "urls.txt")
        with open(listing, "w") as f:
            f.write("\n".join(urls) + "\n")
        curl_config = os.path.join(work, "curl.cfg")
        with open(curl_config, "w") as f:
            for url in urls:
                f.write(f'url = "{url}"\noutput = "/dev/null"\n')
        curl = ["curl", "-s", "--no-progress-meter", "--fail", "--parallel", "--parallel-max", str(parallel), "-K", curl_config]
        measure(curl).check("curl warm-up")  # page cache and nginx warm for both
        ours, theirs = [], []
        for number in range(rounds):
            log(f"fetch round {number + 1}/{rounds}")
            m = measure([BENCH_BIN, "fetch", "--urls", listing, "--parallel", str(parallel)]).check("copydesk-bench fetch")
            if "failed=0" not in m.stderr:
                raise RuntimeError("copydesk-bench fetch reported failures: " + m.stderr.strip()[-500:])
            ours.append(m)
            theirs.append(measure(curl).check("curl"))
    finally:
        if nginx:
            nginx.send_signal(signal.SIGQUIT)
            try:
                nginx.wait(timeout=5)
            except subprocess.TimeoutExpired:
                nginx.kill()
        shutil.rmtree(work, ignore_errors=True)

    megabytes = count * size / 1e6
    wall_ours, wall_curl = spread(m.wall for m in ours), spread(m.wall for m in theirs)
    ratio = wall_ours.median / wall_curl.median
    rows = [
        Row(name, "wall time", "s", wall_ours, wall_curl, "curl", ratio, "ours/curl", "<= 1.25x curl", ratio <= 1.25),
        Row(name, "requests/s", "req/s", spread(count / m.wall for m in ours), spread(count / m.wall for m in theirs), "curl",
            wall_curl.median / wall_ours.median, "ours/curl"),
        Row(name, "MB/s", "MB/s", spread(megabytes / m.wall for m in ours), spread(megabytes / m.wall for m in theirs), "curl",
            wall_curl.median / wall_ours.median, "ours/curl"),
        Row(name, "CPU s per 1,000 requests", "cpu-s", spread(m.cpu / count * 1000 for m in ours),
            spread(m.cpu / count * 1000 for m in theirs), "curl",
            spread(m.cpu for m in ours).median / spread(m.cpu for m in theirs).median, "ours/curl (lower is better)"),
        Row(name, "peak RSS", "MB", spread(m.peak_rss / 1e6 for m in ours), spread(m.peak_rss / 1e6 for m in theirs), "curl"),
    ]
    return rows, {"pages": count, "page_bytes": size, "parallel": parallel, "rounds": rounds, "curl": curl_version,
                  "server": "nginx, 1 worker, 127.0.0.1, keep-alive"}
