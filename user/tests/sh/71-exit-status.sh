# Exit statuses: 127 not found, 126 not executable, exit N, exit
# without N, signals as 128+N.
nosuchcommand 2>/dev/null
echo "not found: $?"
./nosuchfile 2>/dev/null
echo "no such path: $?"
echo 'echo hi' > notexec
./notexec 2>/dev/null
echo "not executable: $?"
mkdir adir
./adir 2>/dev/null
echo "a directory: $?"
(exit 0); echo "exit 0: $?"
(exit 255); echo "exit 255: $?"
(false; exit); echo "exit alone keeps the last status: $?"
sh -c 'kill -s KILL $$'
echo "killed by SIGKILL: $?"
sh -c 'kill $$'
echo "killed by SIGTERM: $?"
sh -c 'exit 42'; echo "sh -c exit 42: $?"
echo "done"
exit 7
