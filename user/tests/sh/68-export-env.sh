# export, environment of child processes, assignments for one command.
X=plain
sh -c 'echo "child sees X=[$X]"'
export X
sh -c 'echo "after export X=[$X]"'
export Y=direct
sh -c 'echo "Y=[$Y]"'
Z=once sh -c 'echo "one command: Z=[$Z]"'
echo "afterwards Z=[$Z]"
env | grep '^Y=' 
W=for-env env | grep '^W='
X=changed
sh -c 'echo "the new value goes too: X=[$X]"'
unset X
sh -c 'echo "unset: X=[${X-gone}]"'
export LATER
LATER=assigned-after-export
sh -c 'echo "LATER=[$LATER]"'
f() { echo "in f: F=[$F]"; sh -c 'echo "child of f: F=[$F]"'; }
F=tmp f
echo "after f: F=[${F-unset}]"
(export S=sub; sh -c 'echo "S=[$S]"')
sh -c 'echo "S outside=[${S-unset}]"'
