#!/usr/bin/env python3
"""Generates the Polar API models of PolarBilling.Client from the vendored OpenAPI spec.

Run from the repository root:  python3 tools/codegen/generate_models.py
Writes src/PolarBilling.Client/Models/*.g.cs (one type per file) and PolarModelsJsonContext.g.cs.

Why generated: Polar's contract has ~400 schemas reachable from the operations we cover; writing them by hand
drifts from the spec. The generator maps the spec faithfully (names, nullability, unions, enums, descriptions)
and the conformance tests check every model round-trips against the same spec.
"""
import json
import os
import re
import sys
from collections import OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPEC = os.path.join(ROOT, "spec", "polar-openapi.json")
OUT = os.path.join(ROOT, "src", "PolarBilling.Client", "Models")
CHECK = "--check" in sys.argv  # regenerate into a scratch folder and fail when the committed models differ
NS = "PolarBilling.Client"

# The resources the client covers (issue 2); their operations' bodies and answers, plus every webhook payload.
RESOURCES = ["/v1/products", "/v1/checkouts", "/v1/customer-sessions", "/v1/customers", "/v1/subscriptions",
             "/v1/orders", "/v1/refunds", "/v1/discounts", "/v1/meters", "/v1/events", "/v1/customer-meters",
             "/v1/benefits", "/v1/benefit-grants", "/v1/webhooks"]
SKIP_PATH_PARTS = ["/members", "payment-methods", "/export", "/files"]

# Inline unions (anyOf of several $refs inside a property) get a name. Members listed here inherit it.
INLINE_UNIONS = {
    frozenset(["ProductPriceFixedCreate", "ProductPriceCustomCreate", "ProductPriceSeatBasedCreate",
               "ProductPriceMeteredUnitCreate"]): "ProductPriceCreate",
    frozenset(["CountAggregation", "PropertyAggregation", "UniqueAggregation"]): "MeterAggregation",
    frozenset(["CheckoutDiscountFixedOnceForeverDuration", "CheckoutDiscountFixedRepeatDuration",
               "CheckoutDiscountPercentageOnceForeverDuration", "CheckoutDiscountPercentageRepeatDuration"]): "CheckoutDiscount",
    frozenset(["DiscountFixedOnceForeverDurationBase", "DiscountFixedRepeatDurationBase",
               "DiscountPercentageOnceForeverDurationBase", "DiscountPercentageRepeatDurationBase"]): "DiscountBase",
    frozenset(["BenefitGrantDiscordProperties", "BenefitGrantGitHubRepositoryProperties",
               "BenefitGrantDownloadablesProperties", "BenefitGrantLicenseKeysProperties",
               "BenefitGrantCustomProperties", "BenefitGrantFeatureFlagProperties",
               "BenefitGrantSlackSharedChannelProperties"]): "BenefitGrantProperties",
    frozenset(["EventCreateCustomer", "EventCreateExternalCustomer"]): "EventCreate",
    frozenset(["FilterClause", "Filter"]): "FilterCondition",
    # Legacy recurring prices are still prices: they join the ProductPrice union (see NESTED_UNIONS).
    frozenset(["LegacyRecurringProductPrice", "ProductPrice"]): "ProductPrice",
    # Request bodies that are an anyOf in the operation itself get a named base too, so one method (and the
    # emulator's request parsing) can take any member.
    frozenset(["BenefitCustomUpdate", "BenefitDiscordUpdate", "BenefitGitHubRepositoryUpdate", "BenefitDownloadablesUpdate",
               "BenefitLicenseKeysUpdate", "BenefitMeterCreditUpdate", "BenefitFeatureFlagUpdate",
               "BenefitSlackSharedChannelUpdate"]): "BenefitUpdate",
    frozenset(["CustomerSessionCustomerIDCreate", "CustomerSessionCustomerExternalIDCreate"]): "CustomerSessionCreate",
    frozenset(["SubscriptionCreateCustomer", "SubscriptionCreateExternalCustomer"]): "SubscriptionCreate",
    # A product update's price list mixes kept prices and new ones.
    frozenset(["ExistingProductPrice", "ProductPriceCreate"]): "ProductPriceCreate",
}
# A union nested in another: (outer, inner, JSON property, value that selects the inner union).
NESTED_UNIONS = [("ProductPrice", "LegacyRecurringProductPrice", "legacy", True)]
DOCS = {
    "ProductPriceCreate": "A price in a product create or update request: a new price of one of the four kinds, or (on update) <see cref=\"ExistingProductPrice\"/> to keep an existing one.",
    "MeterAggregation": "How a meter aggregates events: count, a property's sum/max/min/avg, or unique values.",
    "CheckoutDiscount": "The discount applied to a checkout.",
    "DiscountBase": "The discount applied to a subscription or order.",
    "BenefitGrantProperties": "The benefit-specific properties of a grant.",
    "EventCreate": "An event to ingest, for a customer by Polar id or by your external id.",
    "FilterCondition": "A meter filter entry: a clause or a nested filter.",
    "BenefitUpdate": "The body of a benefit update; its member must match the benefit's type.",
    "CustomerSessionCreate": "A customer portal session request, for a customer by Polar id or by your external id.",
    "SubscriptionCreate": "A subscription to a free product, for a customer by Polar id or by your external id.",
}

spec = json.load(open(SPEC))


def cs_schema_name(name):
    """Pydantic splits some models into X-Input and X-Output; the output shape keeps the plain name."""
    return name.replace("-Output", "").replace("-Input", "Input")


def rename_refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str) and v.startswith("#/components/schemas/"):
                node[k] = "#/components/schemas/" + cs_schema_name(v.split("/")[-1])
            else:
                rename_refs(v)
    elif isinstance(node, list):
        for v in node:
            rename_refs(v)


rename_refs(spec)
spec["components"]["schemas"] = {cs_schema_name(k): v for k, v in spec["components"]["schemas"].items()}
S = spec["components"]["schemas"]


def ref_name(node):
    return node["$ref"].split("/")[-1]


def collect_refs(node, out):
    if isinstance(node, dict):
        if "$ref" in node:
            out.add(ref_name(node))
        for v in node.values():
            collect_refs(v, out)
    elif isinstance(node, list):
        for v in node:
            collect_refs(v, out)


def closure(roots):
    seen, stack = set(), list(roots)
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        found = set()
        collect_refs(S[n], found)
        stack.extend(found - seen)
    return seen


request_roots, response_roots, list_items = set(), set(), set()
for path, item in spec["paths"].items():
    if not any(path.startswith(r) for r in RESOURCES) or any(p in path for p in SKIP_PATH_PARTS):
        continue
    for method, op in item.items():
        if method not in ("get", "post", "patch", "put", "delete"):
            continue
        collect_refs(op.get("requestBody", {}), request_roots)
        # Enumerations used by query filters (TimeInterval, ProductBillingType, ...) are models too.
        collect_refs(op.get("parameters", []), response_roots)
        for code, resp in op.get("responses", {}).items():
            if code.startswith("2"):
                collect_refs(resp, response_roots)
for name, hook in spec["webhooks"].items():
    collect_refs(hook["post"]["requestBody"], response_roots)

for n in list(response_roots):
    if n.startswith("ListResource"):
        response_roots.discard(n)
        items = S[n]["properties"]["items"]["items"]
        found = set()
        collect_refs(items, found)
        list_items |= found
        response_roots |= found
response_set = closure(response_roots)
request_set = closure(request_roots) - response_set
ALL = {n for n in (response_set | request_set) if not n.startswith("ListResource")}
ALL |= {n for n in closure(list_items)}
# The webhook payload envelopes are modelled by the Webhooks feature, not here.
ALL = {n for n in ALL if not (n.startswith("Webhook") and n.endswith("Payload"))}


def pascal(text):
    parts = re.split(r"[^A-Za-z0-9]+", text)
    result = "".join(p[:1].upper() + p[1:] for p in parts if p)
    if not result:
        result = "Empty"
    if result[0].isdigit():
        result = "V" + result
    return result


def xml(text):
    text = re.sub(r"\s+", " ", (text or "").strip())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if len(text) > 400:
        text = text[:397].rsplit(" ", 1)[0] + "..."
    return text


def is_map(n):
    schema = S[n]
    return schema.get("type") == "object" and not schema.get("properties") and isinstance(schema.get("additionalProperties"), dict)


def is_enum(n):
    return "enum" in S[n] and S[n].get("type") == "string"


def union_members(node):
    return node.get("oneOf") or node.get("anyOf")


def is_union(n):
    return union_members(S[n]) is not None and all("$ref" in m for m in union_members(S[n]))


# ---- unions: base name -> members (and each member's base)
unions = OrderedDict()
for n in sorted(ALL):
    if is_union(n):
        unions[n] = [ref_name(m) for m in union_members(S[n])]
base_of = {}
for u, members in unions.items():
    for m in members:
        base_of[m] = u
for outer, inner, _, _ in NESTED_UNIONS:
    base_of[inner] = outer
for members, name in INLINE_UNIONS.items():
    if name not in unions:
        unions[name] = sorted(members)
        for m in members:
            if m != name and m not in base_of:
                base_of[m] = name
    else:
        for m in members:
            if m != name and m not in unions[name] and m not in base_of:
                unions[name].append(m)
                base_of[m] = name
# ExistingProductPrice joins ProductPriceCreate.
if "ExistingProductPrice" in ALL:
    base_of["ExistingProductPrice"] = "ProductPriceCreate"
    if "ExistingProductPrice" not in unions["ProductPriceCreate"]:
        unions["ProductPriceCreate"].append("ExistingProductPrice")

REQUEST_ONLY = set(request_set)
for u, members in unions.items():
    if u not in S and all(m in REQUEST_ONLY for m in members if m in S):
        REQUEST_ONLY.add(u)


class Prop:
    def __init__(self, json_name, cs_name, cs_type, nullable, required, doc, const=None):
        self.json_name, self.cs_name, self.cs_type = json_name, cs_name, cs_type
        self.nullable, self.required, self.doc, self.const = nullable, required, doc, const
        self.converter = None

    def signature(self):
        return (self.json_name, self.cs_type, self.nullable, self.required, self.converter)


def strip_null(node):
    """Returns (non-null variants, nullable)."""
    if isinstance(node.get("type"), list):
        types = [t for t in node["type"] if t != "null"]
        copy = dict(node)
        copy["type"] = types[0] if len(types) == 1 else types
        return [copy], "null" in node["type"]
    variants = union_members(node)
    if variants is not None and "discriminator" not in node:
        nullable = False
        non_null = []
        for v in variants:
            if v.get("type") == "null":
                nullable = True
            elif union_members(v) is not None and "discriminator" not in v and not any("$ref" in m for m in union_members(v)):
                inner, inner_nullable = strip_null(v)  # anyOf [anyOf [string, null], null]: just a nullable string
                non_null += inner
                nullable = nullable or inner_nullable
            else:
                non_null.append(v)
        return non_null, nullable
    return [node], False


def scalar_union(variants):
    types = set(v.get("type") for v in variants)
    if types <= {"string", "integer", "number", "boolean"} and len(types) >= 3:
        return "MetadataValue", None
    if types == {"number", "string"}:
        return "decimal", "FlexibleDecimalConverter"
    if types == {"string"}:
        return "string", None
    if types == {"string", "integer", "boolean"}:
        return "MetadataValue", None
    return None, None


def map_type(node, owner, prop):
    """C# type for a schema node; (type, nullable, converter)."""
    variants, nullable = strip_null(node)
    if len(variants) > 1:
        if all("$ref" in v for v in variants):
            names = frozenset(ref_name(v) for v in variants)
            name = INLINE_UNIONS.get(names)
            if name is None:
                raise SystemExit(f"unnamed inline union in {owner}.{prop}: {sorted(names)}")
            return name, nullable, None
        flat = []
        for v in variants:
            if "$ref" in v:
                flat.append(ref_name(v))
            elif union_members(v) and all("$ref" in m for m in union_members(v)):
                inner = INLINE_UNIONS.get(frozenset(ref_name(m) for m in union_members(v)))
                flat.append(inner)
            else:
                flat = None
                break
        if flat and None not in flat:
            name = INLINE_UNIONS.get(frozenset(flat))
            if name:
                return name, nullable, None
        cs, conv = scalar_union(variants)
        if cs:
            return cs, nullable, conv
        return "JsonElement", True, None
    node = variants[0]
    if "$ref" in node:
        name = ref_name(node)
        target = S[name]
        if "$ref" in target:  # alias such as CheckoutCreate -> CheckoutProductsCreate
            return map_type(target, owner, prop)
        if is_map(name):  # MetadataOutputType: a named dictionary, not a class
            inner, inner_nullable, conv = map_type(target, owner, prop)
            return inner, nullable, conv
        if name not in ALL and not is_enum(name) and not is_union(name) and target.get("type") != "object":
            return map_type(target, owner, prop)
        return name, nullable, None
    if union_members(node) and all("$ref" in m for m in union_members(node)):
        names = frozenset(ref_name(m) for m in union_members(node))
        name = INLINE_UNIONS.get(names)
        if name:
            return name, nullable, None
    t = node.get("type")
    if "const" in node:
        c = node["const"]
        if isinstance(c, bool):
            return "bool", nullable, None
        if c is None:
            return "JsonElement", True, None
        return "string", nullable, None
    if t == "string":
        fmt = node.get("format")
        if fmt == "date-time":
            return "DateTimeOffset", nullable, None
        if fmt == "date":
            return "DateOnly", nullable, None
        if node.get("pattern", "").startswith("^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d*$"):
            return "decimal", nullable, "FlexibleDecimalConverter"
        return "string", nullable, None
    if t == "integer":
        return "long", nullable, None
    if t == "number":
        return "double", nullable, None
    if t == "boolean":
        return "bool", nullable, None
    if t == "array":
        inner, inner_nullable, conv = map_type(node.get("items", {}), owner, prop)
        if conv:
            return "JsonElement", nullable, None
        return f"List<{inner}{'?' if inner_nullable and inner not in ('JsonElement',) else ''}>", nullable, None
    if t == "object" or "additionalProperties" in node:
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            inner, inner_nullable, conv = map_type(extra, owner, prop)
            if conv:
                return "JsonElement", nullable, None
            q = "?" if inner_nullable and inner != "JsonElement" else ""
            return f"Dictionary<string, {inner}{q}>", nullable, None
        if node.get("properties"):
            return "JsonElement", nullable, None
        return "Dictionary<string, JsonElement>", nullable, None
    return "JsonElement", True, None


VALUE_TYPES = {"long", "double", "bool", "decimal", "DateTimeOffset", "DateOnly", "MetadataValue"}


def is_value_type(cs):
    return cs in VALUE_TYPES or (cs in S and is_enum(cs))


def props_of(name):
    schema = S[name]
    required = set(schema.get("required", []))
    result = []
    for json_name, node in schema.get("properties", {}).items():
        cs_name = pascal(json_name)
        if cs_name == name or cs_name == "AdditionalProperties":
            cs_name += "Value"
        cs_type, nullable, conv = map_type(node, name, json_name)
        const = node.get("const") if "const" in node else None
        doc = node.get("description") or node.get("title") or json_name
        p = Prop(json_name, cs_name, cs_type, nullable or json_name not in required, json_name in required, doc, const)
        p.converter = conv
        result.append(p)
    return result


def type_ref(p):
    t = p.cs_type
    if p.nullable and t != "JsonElement":
        return t + "?"
    if p.nullable and t == "JsonElement":
        return "JsonElement?"
    return t


def initializer(p):
    if p.nullable:
        return ""
    t = p.cs_type
    if p.const is not None and not isinstance(p.const, bool):
        return ""
    if t == "string":
        return " = string.Empty;"
    if t.startswith("List<") or t.startswith("Dictionary<"):
        return " = [];"
    if is_value_type(t) or t == "JsonElement":
        return ""
    return " = null!;"


def render_prop(p, request_only):
    lines = [f"    /// <summary>{xml(p.doc)}</summary>", f"    [JsonPropertyName(\"{p.json_name}\")]"]
    if not p.required:
        lines.append("    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]")
    if p.converter:
        lines.append(f"    [JsonConverter(typeof({p.converter}))]")
    required_kw = "required " if request_only and p.required and p.const is None else ""
    init = "" if required_kw else initializer(p)
    lines.append(f"    public {required_kw}{type_ref(p)} {p.cs_name} {{ get; set; }}{init}")
    return "\n".join(lines)


HEADER = "// <auto-generated>Generated by tools/codegen/generate_models.py from spec/polar-openapi.json. Do not edit.</auto-generated>\n#nullable enable\n"


def usings(body):
    u = []
    if "JsonElement" in body:
        u.append("using System.Text.Json;")
    u.append("using System.Text.Json.Serialization;")
    if "Converter" in body:
        u.append("using PolarBilling.Client.Serialization;")
    return "\n".join(u)


def write(name, body):
    text = HEADER + usings(body) + f"\n\nnamespace {NS};\n\n" + body
    with open(os.path.join(OUT, name + ".g.cs"), "w") as f:
        f.write(text)


def emit_enum(name):
    schema = S[name]
    values = schema["enum"]
    used = set()
    members = []
    for v in values:
        ident = pascal(str(v))
        while ident in used or ident in ("Value", "From", name):
            ident += "Value"
        used.add(ident)
        members.append(f"    /// <summary><c>{xml(str(v))}</c></summary>\n    public static {name} {ident} {{ get; }} = new(\"{v}\");")
    doc = xml(schema.get("description") or schema.get("title") or name)
    body = f"""/// <summary>{doc} Values Polar adds later are kept, not rejected.</summary>
[JsonConverter(typeof(PolarEnumConverter<{name}>))]
public readonly record struct {name}(string Value) : IPolarEnum<{name}>
{{
{chr(10).join(members)}

    /// <summary>Every value this version of the client knows.</summary>
    public static IReadOnlyList<{name}> KnownValues {{ get; }} = [{", ".join(m.split(" public static " + name + " ")[1].split(" ")[0] for m in members)}];

    /// <summary>Whether this is one of <see cref="KnownValues"/>.</summary>
    public bool IsKnown => KnownValues.Contains(this);

    /// <inheritdoc />
    public static {name} From(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}}
"""
    write(name, body)


def member_props(name):
    return {p.cs_name: p for p in props_of(name)} if name in S and not is_union(name) else {}


def leaves(union):
    result = []
    for m in unions[union]:
        result += leaves(m) if m in unions else [m]
    return result


def common_props(union):
    """Fields every member shares with the same type: declared once on the union base."""
    maps = [member_props(m) for m in leaves(union)]
    if not maps or any(not m for m in maps):
        return []
    inherited = set()
    b = base_of.get(union)
    while b:
        inherited |= {p.cs_name for p in common_props(b)}
        b = base_of.get(b)
    first = maps[0]
    result = []
    for cs_name, p in first.items():
        if cs_name in inherited or p.const is not None:
            continue
        if all(cs_name in m and m[cs_name].signature() == p.signature() and m[cs_name].const is None for m in maps[1:]):
            result.append(p)
    return result


def allowed_values(name):
    """Fields whose value the member pins: a const, or an inline enum (e.g. PropertyAggregation.func)."""
    result = []
    for json_name, node in S[name].get("properties", {}).items():
        variants, _ = strip_null(node)
        node = variants[0] if len(variants) == 1 else {}
        if "const" in node and isinstance(node["const"], str):
            result.append((json_name, [node["const"]]))
        elif "enum" in node and all(isinstance(v, str) for v in node["enum"]):
            result.append((json_name, list(node["enum"])))
    return result


def resolver(union):
    members = unions[union]
    node = S.get(union, {})
    lines = []
    disc = node.get("discriminator") if node else None
    nested = [n for n in NESTED_UNIONS if n[0] == union]
    for outer, inner, prop, value in nested:
        lit = "JsonValueKind.True" if value is True else None
        lines.append(f"        if (element.TryGetProperty(\"{prop}\", out var nested) && nested.ValueKind == {lit})\n        {{\n            return typeof({inner});\n        }}\n")
    if disc:
        prop = disc["propertyName"]
        cases = "\n".join(f"            \"{value}\" => typeof({ref.split('/')[-1]})," for value, ref in sorted(disc["mapping"].items()))
        lines.append(f"""        return StringProperty(element, "{prop}") switch
        {{
{cases}
            _ => typeof(Unknown{union}),
        }};""")
    else:
        cands = []
        for m in members:
            if m in unions:
                continue
            ps = props_of(m)
            req = [p.json_name for p in ps if p.required]
            allowed = allowed_values(m)
            declared = [p.json_name for p in ps]
            rendered = ", ".join(f"({json.dumps(a)}, [{', '.join(json.dumps(v) for v in b)}])" for a, b in allowed)
            cands.append(f"        new(typeof({m}), [{', '.join(json.dumps(r) for r in req)}], [{rendered}], [{', '.join(json.dumps(d) for d in declared)}]),")
        lines.append(f"        return StructuralUnion.Resolve(element, Candidates) ?? typeof(Unknown{union});")
        return "\n".join(lines), "\n".join(cands)
    return "\n".join(lines), None


def emit_union(union):
    node = S.get(union, {})
    base = base_of.get(union)
    common = common_props(union)
    common_names = {p.cs_name for p in common}
    doc = xml(DOCS.get(union) or node.get("description") or f"A {re.sub(r'(?<!^)(?=[A-Z])', ' ', union).lower()}.")
    request_only = union in REQUEST_ONLY
    props = "\n\n".join(render_prop(p, request_only) for p in common)
    body_resolve, cands = resolver(union)
    body_resolve = "\n".join(("    " + line) if line.strip() else line for line in body_resolve.split("\n"))
    inherit = base if base else "PolarObject"
    cand_block = ""
    if cands is not None:
        cands = "\n".join("    " + line for line in cands.split("\n"))
        cand_block = f"""
        private static readonly StructuralUnion.Candidate[] Candidates =
        [
{cands}
        ];
"""
    text = f"""/// <summary>{doc} One of: {", ".join(f'<see cref="{m}"/>' for m in unions[union])}; <see cref="Unknown{union}"/> for kinds this client does not know.</summary>
[JsonConverter(typeof({union}.Converter))]
public abstract class {union} : {inherit}
{{
{props + chr(10) + chr(10) if props else ""}    /// <summary>Reads the member type the JSON describes; unknown kinds become <see cref="Unknown{union}"/>.</summary>
    public {"new " if base in unions else ""}sealed class Converter : PolarUnionConverter<{union}>
    {{
        /// <inheritdoc />
        protected override Type Resolve(JsonElement element)
        {{
{body_resolve}
        }}
{cand_block}    }}
}}
"""
    write(union, text)
    unknown = f"""/// <summary>A <see cref="{union}"/> of a kind this client does not know yet; every field is kept in <see cref="PolarObject.AdditionalProperties"/>.</summary>
public sealed class Unknown{union} : {union}
{{
}}
"""
    write("Unknown" + union, unknown)
    return common_names


def emit_object(name, skip_props=frozenset()):
    schema = S[name]
    base = base_of.get(name)
    inherited = set()
    b = base
    while b:
        inherited |= {p.cs_name for p in common_props(b)}
        b = base_of.get(b)
    request_only = name in REQUEST_ONLY
    props = [p for p in props_of(name) if p.cs_name not in inherited]
    all_props = props_of(name)
    consts = [p for p in all_props if p.const is not None]
    ctor = ""
    if consts:
        sets = "\n".join(f"        {p.cs_name} = {('true' if p.const else 'false') if isinstance(p.const, bool) else json.dumps(p.const)};" for p in consts)
        ctor = f"""    /// <summary>Creates the object with its fixed fields set.</summary>
    public {name}()
    {{
{sets}
    }}

"""
    doc = xml(schema.get("description") or schema.get("title") or name)
    rendered = "\n\n".join(render_prop(p, request_only) for p in props)
    sealed = "sealed " if name not in unions else ""
    text = f"""/// <summary>{doc}</summary>
public {sealed}partial class {name} : {base or "PolarObject"}
{{
{ctor}{rendered}
}}
"""
    write(name, text)


def main():
    global OUT
    committed = OUT
    if CHECK:
        import tempfile
        OUT = tempfile.mkdtemp(prefix="polar-models-")
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".g.cs"):
            os.remove(os.path.join(OUT, f))
    emitted = []
    for n in sorted(ALL):
        if is_enum(n):
            emit_enum(n)
            emitted.append(n)
    for u in unions:
        emit_union(u)
        emitted += [u, "Unknown" + u]
    for n in sorted(ALL):
        if n in unions or is_enum(n) or "$ref" in S[n] or is_map(n):
            continue
        if S[n].get("type") != "object" and "properties" not in S[n]:
            continue
        emit_object(n)
        emitted.append(n)
    lists = sorted(i for i in list_items if i in ALL)
    attrs = "\n".join(f"[JsonSerializable(typeof({t}))]" for t in sorted(set(emitted)))
    attrs += "\n" + "\n".join(f"[JsonSerializable(typeof(PolarList<{t}>))]" for t in lists)
    ctx = f"""{HEADER}using System.Text.Json.Serialization;

namespace {NS}.Models;

/// <summary>Source-generated JSON metadata for every generated Polar model.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Converters = [typeof(PolarBilling.Client.Serialization.PolarDateTimeConverter)])]
{attrs}
internal sealed partial class PolarModelsJsonContext : JsonSerializerContext;
"""
    with open(os.path.join(OUT, "PolarModelsJsonContext.g.cs"), "w") as f:
        f.write(ctx)
    if CHECK:
        import filecmp
        ours = sorted(f for f in os.listdir(committed) if f.endswith(".g.cs"))
        fresh = sorted(f for f in os.listdir(OUT) if f.endswith(".g.cs"))
        _, mismatch, errors = filecmp.cmpfiles(committed, OUT, fresh, shallow=False)
        stale = sorted(set(ours) ^ set(fresh)) + mismatch + errors
        if stale:
            print("Generated models are out of date; run python3 tools/codegen/generate_models.py. Differs: " + ", ".join(stale[:20]))
            sys.exit(1)
        print(f"Generated models are up to date ({len(fresh)} files).")
        return
    print(f"{len(emitted)} types, {len(lists)} list types written to {os.path.relpath(OUT, ROOT)}")


main()
