/* The C floor: the same Python functions called through CPython's C API, taking and releasing the
 * GIL per call (PyGILState_Ensure/Release) exactly as a thread-safe host must.
 * Usage: floor <venv python> <module dir> <op> [<op> ...]   prints "op <name> <ns per op>". */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static PyObject *mod, *fn_f, *fn_add, *fn_echo, *fn_list_len, *fn_make_list, *fn_dict_len, *fn_make_dict, *fn_make_buffer;
static PyObject *fn_held_list_int, *fn_held_list_float, *fn_held_list_str, *fn_held_tuple_int, *fn_held_dict_int, *fn_held_dict_float;
static volatile int64_t sink;
static int64_t list_values[100000];
static char dict_keys[10000][8];
static double warmup_ms = 400, min_ms = 60;
static int runs = 7;

static double now_ns(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e9 + t.tv_nsec; }

static void check(PyObject *o) { if (!o) { PyErr_Print(); exit(2); } }

static void op_call0(void) { PyGILState_STATE g = PyGILState_Ensure(); PyObject *r = PyObject_CallNoArgs(fn_f); check(r); Py_DECREF(r); PyGILState_Release(g); }

static void op_add(void)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *args[3] = {NULL, PyLong_FromLongLong(sink & 0xffff), PyLong_FromLongLong(1)};
    PyObject *r = PyObject_Vectorcall(fn_add, args + 1, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    check(r); sink += PyLong_AsLongLong(r);
    Py_DECREF(r); Py_DECREF(args[1]); Py_DECREF(args[2]);
    PyGILState_Release(g);
}

static void op_str16(void)
{
    static const char text[] = "sixteen chars!!!";
    char out[64];
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *s = PyUnicode_FromStringAndSize(text, 16);
    PyObject *args[2] = {NULL, s};
    PyObject *r = PyObject_Vectorcall(fn_echo, args + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    check(r);
    Py_ssize_t n; const char *u = PyUnicode_AsUTF8AndSize(r, &n); memcpy(out, u, (size_t)n); sink += out[0];
    Py_DECREF(r); Py_DECREF(s);
    PyGILState_Release(g);
}

static void op_list_in(void)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *list = PyList_New(100000);
    for (Py_ssize_t i = 0; i < 100000; i++) PyList_SET_ITEM(list, i, PyLong_FromLongLong(list_values[i]));
    PyObject *args[2] = {NULL, list};
    PyObject *r = PyObject_Vectorcall(fn_list_len, args + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    check(r); sink += PyLong_AsLongLong(r);
    Py_DECREF(r); Py_DECREF(list);
    PyGILState_Release(g);
}

static void op_list_out(void)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *n = PyLong_FromLong(100000);
    PyObject *args[2] = {NULL, n};
    PyObject *r = PyObject_Vectorcall(fn_make_list, args + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    check(r);
    int64_t *copy = malloc(sizeof(int64_t) * 100000);
    Py_ssize_t size = PyList_GET_SIZE(r);
    for (Py_ssize_t i = 0; i < size; i++) copy[i] = PyLong_AsLongLong(PyList_GET_ITEM(r, i));
    sink += copy[size - 1];
    free(copy);
    Py_DECREF(r); Py_DECREF(n);
    PyGILState_Release(g);
}

static void op_dict_in(void)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *d = PyDict_New();
    for (int i = 0; i < 10000; i++)
    {
        PyObject *k = PyUnicode_FromString(dict_keys[i]), *v = PyLong_FromLong(i);
        PyDict_SetItem(d, k, v); Py_DECREF(k); Py_DECREF(v);
    }
    PyObject *args[2] = {NULL, d};
    PyObject *r = PyObject_Vectorcall(fn_dict_len, args + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    check(r); sink += PyLong_AsLongLong(r);
    Py_DECREF(r); Py_DECREF(d);
    PyGILState_Release(g);
}

static void op_dict_out(void)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *n = PyLong_FromLong(10000);
    PyObject *args[2] = {NULL, n};
    PyObject *r = PyObject_Vectorcall(fn_make_dict, args + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    check(r);
    /* Copy keys and values out, as a host building its own map must. */
    char *keys = malloc(16 * 10000); int64_t *values = malloc(sizeof(int64_t) * 10000);
    Py_ssize_t pos = 0, i = 0; PyObject *k, *v;
    while (PyDict_Next(r, &pos, &k, &v))
    {
        Py_ssize_t len; const char *u = PyUnicode_AsUTF8AndSize(k, &len);
        memcpy(keys + 16 * i, u, (size_t)(len < 16 ? len : 16)); values[i++] = PyLong_AsLongLong(v);
    }
    sink += values[i - 1] + keys[0];
    free(keys); free(values);
    Py_DECREF(r); Py_DECREF(n);
    PyGILState_Release(g);
}

static void buffer_op(long megabytes, int sum)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *m = PyLong_FromLong(megabytes);
    PyObject *args[2] = {NULL, m};
    PyObject *r = PyObject_Vectorcall(fn_make_buffer, args + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    check(r);
    Py_buffer view;
    if (PyObject_GetBuffer(r, &view, PyBUF_RECORDS_RO) != 0) { PyErr_Print(); exit(2); }
    PyGILState_Release(g);
    if (sum)
    {
        const uint8_t *p = view.buf; uint64_t total = 0;
        for (Py_ssize_t i = 0; i < view.len; i++) total += p[i];
        sink += (int64_t)total;
    }
    g = PyGILState_Ensure();
    PyBuffer_Release(&view);
    Py_DECREF(r); Py_DECREF(m);
    PyGILState_Release(g);
}
static void op_buffer(void) { buffer_op(100, 1); }
static void op_buffer_view_1mb(void) { buffer_op(1, 0); }
static void op_buffer_view_100mb(void) { buffer_op(100, 0); }

/* held_*: Python returns an object it already holds; the host reads every item into native values. */
static PyObject *call_held(PyObject *fn, long n)
{
    PyObject *count = PyLong_FromLong(n);
    PyObject *args[2] = {NULL, count};
    PyObject *r = PyObject_Vectorcall(fn, args + 1, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    check(r); Py_DECREF(count);
    return r;
}

static void op_held_list_int(void)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *r = call_held(fn_held_list_int, 100000);
    Py_ssize_t size = PyList_GET_SIZE(r);
    int64_t *copy = malloc(sizeof(int64_t) * size);
    for (Py_ssize_t i = 0; i < size; i++) copy[i] = PyLong_AsLongLong(PyList_GET_ITEM(r, i));
    sink += copy[size - 1]; free(copy); Py_DECREF(r);
    PyGILState_Release(g);
}

static void op_held_tuple_int(void)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *r = call_held(fn_held_tuple_int, 100000);
    Py_ssize_t size = PyTuple_GET_SIZE(r);
    int64_t *copy = malloc(sizeof(int64_t) * size);
    for (Py_ssize_t i = 0; i < size; i++) copy[i] = PyLong_AsLongLong(PyTuple_GET_ITEM(r, i));
    sink += copy[size - 1]; free(copy); Py_DECREF(r);
    PyGILState_Release(g);
}

static void op_held_list_float(void)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *r = call_held(fn_held_list_float, 100000);
    Py_ssize_t size = PyList_GET_SIZE(r);
    double *copy = malloc(sizeof(double) * size);
    for (Py_ssize_t i = 0; i < size; i++) copy[i] = PyFloat_AsDouble(PyList_GET_ITEM(r, i));
    sink += (int64_t)copy[size - 1]; free(copy); Py_DECREF(r);
    PyGILState_Release(g);
}

static void op_held_list_str(void)
{
    /* A host copies each string's UTF-8 out (a .NET string must be made from it, a C host must own it). */
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *r = call_held(fn_held_list_str, 100000);
    Py_ssize_t size = PyList_GET_SIZE(r);
    char **copy = malloc(sizeof(char *) * size);
    for (Py_ssize_t i = 0; i < size; i++)
    {
        Py_ssize_t len; const char *u = PyUnicode_AsUTF8AndSize(PyList_GET_ITEM(r, i), &len);
        copy[i] = malloc((size_t)len + 1); memcpy(copy[i], u, (size_t)len + 1);
    }
    sink += copy[size - 1][0];
    for (Py_ssize_t i = 0; i < size; i++) free(copy[i]);
    free(copy); Py_DECREF(r);
    PyGILState_Release(g);
}

static void held_dict(PyObject *fn, int floats)
{
    PyGILState_STATE g = PyGILState_Ensure();
    PyObject *r = call_held(fn, 10000);
    char *keys = malloc(16 * 10000); double *values = malloc(sizeof(double) * 10000);
    Py_ssize_t pos = 0, i = 0; PyObject *k, *v;
    while (PyDict_Next(r, &pos, &k, &v))
    {
        Py_ssize_t len; const char *u = PyUnicode_AsUTF8AndSize(k, &len);
        memcpy(keys + 16 * i, u, (size_t)(len < 16 ? len : 16));
        values[i++] = floats ? PyFloat_AsDouble(v) : (double)PyLong_AsLongLong(v);
    }
    sink += (int64_t)values[i - 1] + keys[0];
    free(keys); free(values); Py_DECREF(r);
    PyGILState_Release(g);
}
static void op_held_dict_int(void) { held_dict(fn_held_dict_int, 0); }
static void op_held_dict_float(void) { held_dict(fn_held_dict_float, 1); }

typedef struct { long n; } thread_arg;
static void *add_thread(void *p) { long n = ((thread_arg *)p)->n; for (long i = 0; i < n; i++) op_add(); return NULL; }
static long threads_n = 1;
static void op_threads16(void)
{
    pthread_t t[16]; thread_arg a = {threads_n};
    for (int i = 0; i < 16; i++) pthread_create(&t[i], NULL, add_thread, &a);
    for (int i = 0; i < 16; i++) pthread_join(t[i], NULL);
}
static void op_threads1(void) { for (long i = 0; i < 16 * threads_n; i++) op_add(); }

static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }

static double measure(void (*op)(void))
{
    double start = now_ns();
    while (now_ns() - start < warmup_ms * 1e6) op();
    long n = 1;
    for (;;)
    {
        double t0 = now_ns();
        for (long i = 0; i < n; i++) op();
        if (now_ns() - t0 >= min_ms * 1e6) break;
        n *= 2;
    }
    double samples[32];
    for (int r = 0; r < runs; r++)
    {
        double t0 = now_ns();
        for (long i = 0; i < n; i++) op();
        samples[r] = (now_ns() - t0) / n;
    }
    qsort(samples, runs, sizeof(double), cmp);
    return samples[runs / 2];
}

static PyObject *attr(const char *name) { PyObject *o = PyObject_GetAttrString(mod, name); check(o); return o; }

int main(int argc, char **argv)
{
    if (argc < 4) { fprintf(stderr, "usage: floor <venv python> <module dir> <op>...\n"); return 2; }
    PyConfig config;
    PyConfig_InitIsolatedConfig(&config);
    PyConfig_SetBytesString(&config, &config.program_name, argv[1]);
    PyStatus status = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) Py_ExitStatusException(status);
    PyObject *path = PySys_GetObject("path"), *dir = PyUnicode_FromString(argv[2]);
    PyList_Insert(path, 0, dir); Py_DECREF(dir);
    mod = PyImport_ImportModule("bench_funcs"); check(mod);
    fn_f = attr("f"); fn_add = attr("add"); fn_echo = attr("echo"); fn_list_len = attr("list_len");
    fn_make_list = attr("make_list"); fn_dict_len = attr("dict_len"); fn_make_dict = attr("make_dict"); fn_make_buffer = attr("make_buffer");
    fn_held_list_int = attr("held_list_int"); fn_held_list_float = attr("held_list_float"); fn_held_list_str = attr("held_list_str");
    fn_held_tuple_int = attr("held_tuple_int"); fn_held_dict_int = attr("held_dict_int"); fn_held_dict_float = attr("held_dict_float");
    for (int i = 0; i < 100000; i++) list_values[i] = i;
    for (int i = 0; i < 10000; i++) snprintf(dict_keys[i], sizeof dict_keys[i], "k%d", i);
    PyThreadState *main_state = PyEval_SaveThread();

    for (int i = 3; i < argc; i++)
    {
        const char *name = argv[i];
        void (*op)(void) =
            !strcmp(name, "call0") ? op_call0 : !strcmp(name, "add") ? op_add : !strcmp(name, "str16") ? op_str16 :
            !strcmp(name, "list_in") ? op_list_in : !strcmp(name, "list_out") ? op_list_out :
            !strcmp(name, "dict_in") ? op_dict_in : !strcmp(name, "dict_out") ? op_dict_out :
            !strcmp(name, "buffer") ? op_buffer : !strcmp(name, "buffer_view_1mb") ? op_buffer_view_1mb :
            !strcmp(name, "buffer_view_100mb") ? op_buffer_view_100mb :
            !strcmp(name, "held_list_int") ? op_held_list_int : !strcmp(name, "held_list_float") ? op_held_list_float :
            !strcmp(name, "held_list_str") ? op_held_list_str : !strcmp(name, "held_tuple_int") ? op_held_tuple_int :
            !strcmp(name, "held_dict_int") ? op_held_dict_int : !strcmp(name, "held_dict_float") ? op_held_dict_float :
            !strcmp(name, "threads16") ? op_threads16 : !strcmp(name, "threads1") ? op_threads1 : NULL;
        if (!op) { fprintf(stderr, "unknown op %s\n", name); return 2; }
        if (op == op_threads16 || op == op_threads1) threads_n = 20000;
        printf("op %s %.1f\n", name, measure(op));
        fflush(stdout);
    }

    PyEval_RestoreThread(main_state);
    Py_FinalizeEx();
    return 0;
}
