# test on files: -e -f -d -r -w -x -s, over files made here.
t() { if "$@"; then echo "true:  $*"; else echo "false: $*"; fi; }
mkdir dir
: > empty
echo content > full
printf '#!/bin/sh\n' > prog
chmod +x prog
for f in dir empty full prog missing; do
    t [ -e $f ]
    t [ -f $f ]
    t [ -d $f ]
done
t [ -s full ]
t [ -s empty ]
t [ -s missing ]
t [ -r full ]
t [ -w full ]
t [ -r missing ]
t [ -w missing ]
t [ -x prog ]
t [ -x full ]
t [ -x dir ]
t [ ! -e missing ]
t [ -f full -a -d dir ]
t [ -f dir -o -s full ]
