/* httpd [-p PORT] [DIR]: a small web server -- the files under DIR (/ if
 * not given) over HTTP/1.0, on PORT (80: make qemu forwards a host port
 * to it and prints which; open http://localhost:THATPORT/ on the host).
 *
 * One request per connection, a child per connection (as
 * echoserver_tcp): the request line "GET /path HTTP/1.x" and its header
 * lines are read up to the empty line; a file is sent with a status
 * line, Content-Type (from its name) and Content-Length, then the
 * connection closes, which tells the browser the answer is whole.  A
 * directory is its index.html, or a list of its names.  Errors: 400 (a
 * request it cannot read, a path with ".."), 404 (no such file), 405
 * (a method other than GET and HEAD).  Each request is logged on
 * standard output. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>

static const char *root = "/";

static int write_all(int fd, const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, n);
        if (w <= 0)
            return -1;
        buf += w;
        n -= w;
    }
    return 0;
}

static void reply_head(int c, int code, const char *what, const char *type, long len)
{
    char head[256];
    int n = snprintf(head, sizeof(head),
                     "HTTP/1.0 %d %s\r\nServer: Minnow httpd\r\nContent-Type: %s\r\n"
                     "Content-Length: %ld\r\nConnection: close\r\n\r\n",
                     code, what, type, len);
    write_all(c, head, n);
}

static void reply_error(int c, int code, const char *what)
{
    char body[128];
    int n = snprintf(body, sizeof(body), "<h1>%d %s</h1>\n", code, what);

    reply_head(c, code, what, "text/html", n);
    write_all(c, body, n);
}

static const char *content_type(const char *path)
{
    static const char *const types[][2] = {
        { ".html", "text/html" }, { ".htm", "text/html" }, { ".txt", "text/plain" },
        { ".c", "text/plain" }, { ".h", "text/plain" }, { ".md", "text/plain" },
        { ".css", "text/css" }, { ".js", "text/javascript" }, { ".png", "image/png" },
        { ".jpg", "image/jpeg" }, { ".gif", "image/gif" },
    };
    const char *dot = strrchr(path, '.');

    for (size_t i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
        if (strcmp(dot, types[i][0]) == 0)
            return types[i][1];
    return dot ? "application/octet-stream" : "text/plain";
}

static void send_file(int c, const char *path, int head_only)
{
    int fd = open(path, O_RDONLY);
    struct stat st;
    char buf[4096];

    if (fd < 0 || fstat(fd, &st) < 0) {
        reply_error(c, errno == EACCES ? 403 : 404, errno == EACCES ? "Forbidden" : "Not Found");
        if (fd >= 0)
            close(fd);
        return;
    }
    reply_head(c, 200, "OK", content_type(path), (long)st.st_size);
    ssize_t n;
    while (!head_only && (n = read(fd, buf, sizeof(buf))) > 0)
        if (write_all(c, buf, n) < 0)
            break;
    close(fd);
}

/* A directory: its index.html if it has one, else a page of its names. */
static void send_directory(int c, const char *path, const char *url, int head_only)
{
    char index[600], page[8192];

    snprintf(index, sizeof(index), "%s/index.html", path);
    if (access(index, R_OK) == 0) {
        send_file(c, index, head_only);
        return;
    }
    DIR *d = opendir(path);
    if (!d) {
        reply_error(c, 404, "Not Found");
        return;
    }
    int n = snprintf(page, sizeof(page), "<h1>%s</h1>\n<ul>\n", url);
    struct dirent *e;
    while ((e = readdir(d)) && n < (int)sizeof(page) - 300)
        if (e->d_name[0] != '.')
            n += snprintf(page + n, sizeof(page) - n, "<li><a href=\"%s%s%s\">%s</a>\n", url,
                          url[strlen(url) - 1] == '/' ? "" : "/", e->d_name, e->d_name);
    closedir(d);
    n += snprintf(page + n, sizeof(page) - n, "</ul>\n");
    reply_head(c, 200, "OK", "text/html", n);
    if (!head_only)
        write_all(c, page, n);
}

/* Reads the request up to its empty line; the request line in line. */
static int read_request(int c, char *line, size_t size)
{
    char buf[2048];
    size_t got = 0;

    while (got < sizeof(buf) - 1) {
        ssize_t n = read(c, buf + got, sizeof(buf) - 1 - got);
        if (n <= 0)
            return -1;
        got += n;
        buf[got] = 0;
        if (strstr(buf, "\r\n\r\n") || strstr(buf, "\n\n"))
            break;
    }
    size_t len = strcspn(buf, "\r\n");
    if (len >= size)
        return -1;
    memcpy(line, buf, len);
    line[len] = 0;
    return 0;
}

static void serve(int c)
{
    char line[512], method[16], url[400], path[1024];
    struct stat st;

    if (read_request(c, line, sizeof(line)) < 0 ||
        sscanf(line, "%15s %399s", method, url) != 2 || url[0] != '/' || strstr(url, "..")) {
        printf("httpd: bad request\n");
        reply_error(c, 400, "Bad Request");
        return;
    }
    printf("httpd: %s %s\n", method, url);
    fflush(stdout);
    int head_only = strcmp(method, "HEAD") == 0;
    if (!head_only && strcmp(method, "GET") != 0) {
        reply_error(c, 405, "Method Not Allowed");
        return;
    }
    url[strcspn(url, "?#")] = 0;
    snprintf(path, sizeof(path), "%s%s", strcmp(root, "/") == 0 ? "" : root, url);
    if (stat(path, &st) < 0)
        reply_error(c, 404, "Not Found");
    else if (S_ISDIR(st.st_mode))
        send_directory(c, path, url, head_only);
    else
        send_file(c, path, head_only);
}

static void reap_children(int sig)
{
    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
}

int main(int argc, char **argv)
{
    int port = 80, one = 1, i = 1;
    struct sigaction sa;

    if (argc > 2 && strcmp(argv[1], "-p") == 0) {
        port = atoi(argv[2]);
        i = 3;
    }
    if (i < argc)
        root = argv[i];
    if (port <= 0 || port > 65535 || i + 1 < argc) {
        fprintf(stderr, "usage: httpd [-p PORT] [DIR]\n");
        return 2;
    }
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = reap_children;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);          /* a browser that leaves early */

    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
    int l = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(l, 16) < 0) {
        fprintf(stderr, "httpd: port %d: %s\n", port, strerror(errno));
        return 1;
    }
    printf("httpd: serving %s on port %d\n", root, port);
    fflush(stdout);
    for (;;) {
        int c = accept(l, NULL, NULL);
        if (c < 0)
            continue;
        pid_t pid = fork();
        if (pid == 0) {
            close(l);
            serve(c);
            fflush(stdout);
            close(c);
            _exit(0);
        }
        close(c);
    }
}
