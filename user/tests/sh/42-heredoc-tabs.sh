# <<- strips leading tabs (only tabs) from the lines and the end word.
if true; then
	cat <<-EOF
	tab indented
		two tabs
	    tab then spaces
    spaces kept
	EOF
fi
cat <<-'END'
		literal $x too
	END
cat <<EOF
	tabs kept with <<
EOF
x=1
cat <<-EOF
	expanded $x
		EOF
