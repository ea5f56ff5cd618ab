{#-
    job_change_fields(posting) -> list of dicts, one per tracked field, in display order:
      name     field_name in fct_job_field_changes and changed_fields
      value    the value shown as text (SQL over the int_postings_unioned alias `posting`)
      text     the full text the value stands for (its length is reported)
      compare  what is compared between two versions (nulls and '' alike, as in content_hash)
      hashed   true when value is a sha256 hex of the text rather than the text (descriptions)
    Together the fields cover every input of the content hash (int_postings_unioned), so a content
    change always shows at least one changed field; tests/dbt/assert_content_changes_list_fields.sql
    checks it. Keep both in step when the content hash gains a field.
-#}
{% macro job_change_fields(posting) -%}
    {%- set locations = "coalesce(" ~ list_to_text(posting ~ ".location_texts", "; ") ~ ", " ~ posting ~ ".location_text)" -%}
    {%- set fields = [
        {'name': 'title', 'value': posting ~ '.title'},
        {'name': 'department', 'value': posting ~ '.department'},
        {'name': 'team', 'value': posting ~ '.team'},
        {'name': 'locations', 'value': locations,
            'compare': "coalesce(" ~ posting ~ ".location_text, '') || chr(31) || coalesce(" ~ locations ~ ", '')"},
        {'name': 'employment_type', 'value': posting ~ '.employment_type_raw'},
        {'name': 'workplace_type', 'value': posting ~ '.workplace_type_raw'},
        {'name': 'salary_min', 'value': 'cast(' ~ posting ~ '.salary_min_stated as string)'},
        {'name': 'salary_max', 'value': 'cast(' ~ posting ~ '.salary_max_stated as string)'},
        {'name': 'salary_currency', 'value': posting ~ '.salary_currency_stated'},
        {'name': 'salary_period', 'value': posting ~ '.salary_period_stated'},
        {'name': 'salary_text', 'value': posting ~ '.salary_text_stated'},
        {'name': 'description', 'value': hash_hex(posting ~ '.description_text', 'sha256'),
            'text': posting ~ '.description_text', 'compare': posting ~ '.description_text', 'hashed': true},
    ] -%}
    {%- set completed = [] -%}
    {%- for field in fields -%}
        {%- do completed.append({
            'name': field['name'],
            'value': field['value'],
            'text': field.get('text', field['value']),
            'compare': field.get('compare', field['value']),
            'hashed': field.get('hashed', false),
        }) -%}
    {%- endfor -%}
    {{ return(completed) }}
{%- endmacro %}
