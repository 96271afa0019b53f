# ; and newlines, && and ||, and $? after each.
echo a; echo b
true && echo and-after-true
false && echo never
false || echo or-after-false
true || echo never
false; echo "status $?"
true; echo "status $?"
false && echo x || echo "left to right"
true || echo x && echo "and after or"
