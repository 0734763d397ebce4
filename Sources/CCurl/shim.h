#ifndef COPYDESK_CCURL_SHIM_H
#define COPYDESK_CCURL_SHIM_H

#include <curl/curl.h>
#ifdef __linux__
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#endif

// Typed wrappers for libcurl's variadic setters and getters, which Swift cannot call directly.

static inline CURLcode cd_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cd_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cd_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cd_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode cd_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }

typedef size_t (*cd_data_callback)(char *ptr, size_t size, size_t nmemb, void *userdata);
static inline CURLcode cd_easy_setopt_data_callback(CURL *h, CURLoption o, cd_data_callback v) { return curl_easy_setopt(h, o, v); }

typedef int (*cd_xferinfo_callback)(void *clientp, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
static inline CURLcode cd_easy_setopt_xferinfo(CURL *h, cd_xferinfo_callback v) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, v); }

typedef curl_socket_t (*cd_opensocket_callback)(void *clientp, curlsocktype purpose, struct curl_sockaddr *address);
static inline CURLcode cd_easy_setopt_opensocket(CURL *h, cd_opensocket_callback v) { return curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, v); }

static inline CURLcode cd_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cd_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cd_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cd_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode cd_easy_getinfo_pointer(CURL *h, CURLINFO i, void **v) { return curl_easy_getinfo(h, i, v); }

static inline CURLMcode cd_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }
static inline CURLMcode cd_multi_setopt_pointer(CURLM *m, CURLMoption o, void *v) { return curl_multi_setopt(m, o, v); }

typedef int (*cd_socket_callback)(CURL *easy, curl_socket_t s, int what, void *userp, void *socketp);
static inline CURLMcode cd_multi_setopt_socket_callback(CURLM *m, cd_socket_callback v) { return curl_multi_setopt(m, CURLMOPT_SOCKETFUNCTION, v); }

typedef int (*cd_timer_callback)(CURLM *multi, long timeout_ms, void *userp);
static inline CURLMcode cd_multi_setopt_timer_callback(CURLM *m, cd_timer_callback v) { return curl_multi_setopt(m, CURLMOPT_TIMERFUNCTION, v); }

// CURLMsg keeps its result in a union; read it without Swift having to know the layout.
static inline CURLcode cd_msg_result(CURLMsg *msg) { return msg->data.result; }

// The address inside curl_sockaddr may be longer than `struct sockaddr` (IPv6); hand Swift a
// pointer to it rather than a copy.
static inline struct sockaddr *cd_sockaddr_address(struct curl_sockaddr *a) { return &a->addr; }

// CURL_GLOBAL_ALL is a compound macro Swift cannot import.
static inline CURLcode cd_global_init_all(void) { return curl_global_init(CURL_GLOBAL_ALL); }

// CURLVERSION_NOW is an alias macro; read the feature bits here.
static inline int cd_version_features(void) { return curl_version_info(CURLVERSION_NOW)->features; }

#ifdef __linux__
// The event loop's epoll and eventfd calls. struct epoll_event is packed on x86-64, so Swift
// gets plain arrays instead of the struct.
static inline int cd_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }
static inline int cd_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }
static inline int cd_epoll_ctl(int epfd, int op, int fd, int wantIn, int wantOut) {
    struct epoll_event ev;
    ev.events = (wantIn ? EPOLLIN : 0) | (wantOut ? EPOLLOUT : 0);
    ev.data.fd = fd;
    return epoll_ctl(epfd, op, fd, &ev);
}
static inline int cd_epoll_add(int epfd, int fd, int wantIn, int wantOut) { return cd_epoll_ctl(epfd, EPOLL_CTL_ADD, fd, wantIn, wantOut); }
static inline int cd_epoll_mod(int epfd, int fd, int wantIn, int wantOut) { return cd_epoll_ctl(epfd, EPOLL_CTL_MOD, fd, wantIn, wantOut); }
static inline int cd_epoll_del(int epfd, int fd) { return epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL); }
// Waits and translates readiness into CURL_CSELECT_* flags per descriptor.
static inline int cd_epoll_wait(int epfd, int *fds, int *flags, int max, int timeoutMs) {
    struct epoll_event events[256];
    if (max > 256) max = 256;
    int n = epoll_wait(epfd, events, max, timeoutMs);
    for (int i = 0; i < n; i++) {
        fds[i] = events[i].data.fd;
        int f = 0;
        if (events[i].events & EPOLLIN) f |= CURL_CSELECT_IN;
        if (events[i].events & EPOLLOUT) f |= CURL_CSELECT_OUT;
        if (events[i].events & (EPOLLERR | EPOLLHUP)) f |= CURL_CSELECT_ERR;
        flags[i] = f;
    }
    return n;
}
#endif

#endif
