/* A small process between the benchmark harness and each measured command.
 *
 * ru_maxrss from wait4 is inherited across fork+exec: a child forked from a harness that has
 * grown to 800 MB reports at least 800 MB whatever it used itself. This launcher is a few
 * hundred kilobytes, so the command it forks starts from nothing; it waits for the command
 * and writes the command's own peak RSS and CPU time to the file named by its first argument:
 *   launcher RESULT_FILE COMMAND [ARGS...]   →   RESULT_FILE: "<maxrss_kb> <user_s> <sys_s>"
 * and exits with the command's status. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: launcher RESULT_FILE COMMAND [ARGS...]\n");
        return 64;
    }
    pid_t child = fork();
    if (child < 0) { perror("fork"); return 71; }
    if (child == 0) {
        execvp(argv[2], argv + 2);
        perror("exec");
        _exit(127);
    }
    /* The harness's timeout kills the launcher; pass it on. */
    signal(SIGTERM, SIG_IGN);
    int status = 0;
    struct rusage usage;
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) { perror("wait4"); return 71; }
    }
    FILE *out = fopen(argv[1], "w");
    if (out) {
        fprintf(out, "%ld %ld.%06ld %ld.%06ld\n", usage.ru_maxrss, (long)usage.ru_utime.tv_sec, (long)usage.ru_utime.tv_usec,
                (long)usage.ru_stime.tv_sec, (long)usage.ru_stime.tv_usec);
        fclose(out);
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 1;
}
