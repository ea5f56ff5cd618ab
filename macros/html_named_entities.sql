{#-
    html_named_entities() -> list of (name, character) pairs
    The named HTML entities job boards use, in decoding order: &amp; comes last so that '&amp;lt;'
    decodes one level to '&lt;'. Characters are raw: callers quote them for their engine.
-#}
{% macro html_named_entities() -%}
    {{ return([
        ('nbsp', '\u00a0'), ('lt', '<'), ('gt', '>'), ('quot', '"'), ('apos', "'"),
        ('rsquo', '\u2019'), ('lsquo', '\u2018'), ('rdquo', '\u201d'), ('ldquo', '\u201c'),
        ('ndash', '\u2013'), ('mdash', '\u2014'), ('hellip', '\u2026'), ('bull', '\u2022'),
        ('middot', '\u00b7'), ('euro', '\u20ac'), ('pound', '\u00a3'), ('yen', '\u00a5'),
        ('copy', '\u00a9'), ('reg', '\u00ae'), ('trade', '\u2122'), ('laquo', '\u00ab'),
        ('raquo', '\u00bb'), ('times', '\u00d7'), ('deg', '\u00b0'), ('shy', ''),
        ('eacute', '\u00e9'), ('egrave', '\u00e8'), ('ecirc', '\u00ea'), ('aacute', '\u00e1'),
        ('agrave', '\u00e0'), ('acirc', '\u00e2'), ('iacute', '\u00ed'), ('oacute', '\u00f3'),
        ('uacute', '\u00fa'), ('ntilde', '\u00f1'), ('ccedil', '\u00e7'), ('auml', '\u00e4'),
        ('ouml', '\u00f6'), ('uuml', '\u00fc'), ('Auml', '\u00c4'), ('Ouml', '\u00d6'),
        ('Uuml', '\u00dc'), ('Eacute', '\u00c9'), ('szlig', '\u00df'), ('amp', '&')
    ]) }}
{%- endmacro %}
