{#-
    unique_combination(model, columns) -> failing rows
    Generic test: no two rows of `model` share the same values of `columns` (a composite key).
    Returns one row per repeated combination, with how often it repeats.
-#}
{% test unique_combination(model, columns) %}

select
    {{ columns | join(', ') }},
    count(*) as repeated
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1

{% endtest %}
