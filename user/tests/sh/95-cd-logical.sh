# cd and pwd follow the directory's name, links and all (POSIX's -L):
# after "cd link", "cd .." goes back to where the link is.  -P follows
# the links.  (Paths are shown from the script's own directory on.)
top=$PWD
short() { echo "[${1#"$top"}]"; }
here() { echo "$(short "$PWD") $(short "$(pwd)") $(short "$(pwd -P)")"; }
mkdir -p real/sub
ln -s real/sub link
cd link
here
cd ..
here
cd link/../real/./sub/
here
cd -P ../../link
here
cd "$top"
cd link
cd -P ..
here
cd "$top"
cd link
cd - > /dev/null
here
short "$(cd -)"
