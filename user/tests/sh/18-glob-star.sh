# The * glob over files this script makes; sorted results.
mkdir dir
: > b.txt
: > a.txt
: > c.log
touch dir/inner.txt
echo *
echo *.txt
echo a*
echo *.log
echo d*
echo dir/*
echo */*.txt
echo "quoted: *"
echo '*.txt'
echo \*.txt
pat='*.txt'
echo $pat
echo "$pat"
