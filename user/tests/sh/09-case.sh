# case: alternatives with |, the * default, no fall through, status.
for w in apple banana cherry kiwi ""; do
    case $w in
        apple|banana) echo "$w: a or b" ;;
        cherry) echo "$w: c" ;;
        "") echo "empty" ;;
        *) echo "$w: default" ;;
    esac
done
case x in
    x) echo first ;;
    x) echo second-never ;;
esac
case nothing in
    a) echo no ;;
esac
echo "no match status $?"
case abc in (abc) echo "parenthesised pattern" ;; esac
case last in last) echo "no ;; before esac"
esac
