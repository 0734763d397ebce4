#ifndef COPYDESK_CCURL_SHIM_H
#define COPYDESK_CCURL_SHIM_H

#include <curl/curl.h>

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

#endif
