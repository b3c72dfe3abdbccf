#ifndef SWITCHYARD_CCURL_SHIMS_H
#define SWITCHYARD_CCURL_SHIMS_H

// Typed, non-variadic wrappers over the parts of libcurl that Swift cannot call directly
// (curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are variadic), plus thin
// wrappers over the multi calls so that every libcurl call from Swift goes through one place.

#include <curl/curl.h>

/// Receives body or header bytes; returns the number of bytes taken (anything else aborts the transfer).
typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

/// Initialises libcurl once per process (thread-safe); later calls return the first call's result.
CURLcode ccurl_global_init(void);

/// Creates an easy handle, or NULL when libcurl is out of memory.
CURL *ccurl_easy_init(void);
/// Frees an easy handle; it must not be attached to a multi handle any more.
void ccurl_easy_cleanup(CURL *handle);
/// A static English description of a result code.
const char *ccurl_easy_strerror(CURLcode code);

/// Sets an option that takes a `long`.
CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
/// Sets an option that takes a C string (libcurl copies strings it is given).
CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
/// Sets an option that takes an untyped pointer (context pointers, buffers the caller keeps alive).
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
/// Sets an option that takes a `curl_off_t`.
CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
/// Sets an option that takes a header list (the caller keeps the list alive for the transfer).
CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *list);
/// Sets CURLOPT_WRITEFUNCTION.
CURLcode ccurl_easy_setopt_write_function(CURL *handle, ccurl_data_callback callback);
/// Sets CURLOPT_HEADERFUNCTION.
CURLcode ccurl_easy_setopt_header_function(CURL *handle, ccurl_data_callback callback);

/// Reads an info item of type `long`.
CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
/// Reads an info item of type `double`.
CURLcode ccurl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
/// Reads an info item of type `curl_off_t`.
CURLcode ccurl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
/// Reads an info item of type string; the string belongs to the handle.
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);
/// Reads an info item of type pointer (CURLINFO_PRIVATE).
CURLcode ccurl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

/// Appends a copy of a header line to a list; returns the new head, or NULL when out of memory
/// (the old list is then still owned by the caller).
struct curl_slist *ccurl_slist_append(struct curl_slist *list, const char *line);
/// Frees a header list (NULL is fine).
void ccurl_slist_free_all(struct curl_slist *list);

/// Creates a multi handle, or NULL when out of memory.
CURLM *ccurl_multi_init(void);
/// Frees a multi handle; every easy handle must have been removed first.
CURLMcode ccurl_multi_cleanup(CURLM *multi);
/// A static English description of a multi result code.
const char *ccurl_multi_strerror(CURLMcode code);
/// Sets a multi option that takes a `long`.
CURLMcode ccurl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
/// Attaches an easy handle; its transfer starts on the next perform.
CURLMcode ccurl_multi_add_handle(CURLM *multi, CURL *handle);
/// Detaches an easy handle, aborting its transfer if it is still running.
CURLMcode ccurl_multi_remove_handle(CURLM *multi, CURL *handle);
/// Drives every attached transfer as far as it can go without blocking.
CURLMcode ccurl_multi_perform(CURLM *multi, int *running);
/// Waits up to `timeout_ms` (less when libcurl's own timers are due) for socket activity or a wakeup.
CURLMcode ccurl_multi_poll(CURLM *multi, int timeout_ms, int *ready);
/// Wakes a thread blocked in ccurl_multi_poll; safe to call from any thread.
CURLMcode ccurl_multi_wakeup(CURLM *multi);
/// Reads the next finished transfer: returns 1 and fills `handle` and `result`, or 0 when none is left.
int ccurl_multi_info_read_done(CURLM *multi, CURL **handle, CURLcode *result);

#endif
