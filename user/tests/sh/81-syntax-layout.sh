# The same grammar laid out in different ways: newlines, semicolons,
# comments between the parts, empty lines.

if true ; then echo one ; fi
if true
then echo two
fi
if true; then # comment after then
    echo three
fi # comment after fi
for i in a b ; do echo "for $i" ; done
for i in c
do echo "for $i"; done
while false; do :; done; echo "while on one line"
case x in
    # a comment inside case
    x)
        echo "case body on its own line"
        ;;
esac
case y in y) echo first-item;; z) echo never;; esac
{ echo braces; }; ( echo parens )
f()
{
    echo "function with the brace on the next line"
}
f


echo "after empty lines"; echo "and ; separated"
