import { Lazy, TerraformResource, TerraformStack } from "cdktf";

interface ImportBlock {
  readonly resource: TerraformResource;
  readonly id: string;
}

const importsByStack = new WeakMap<TerraformStack, ImportBlock[]>();

/**
 * Adds a Terraform `import` block (Terraform >= 1.5) that brings an existing object under
 * `resource`.
 *
 * cdktf's `resource.importFrom()` renders the same block, but also registers a per-resource
 * validation that runs `terraform version` at synth. The stacks of this project declare
 * `required_version` instead (one check, by Terraform itself, at init).
 */
export function addImportBlock(resource: TerraformResource, id: string): void {
  const stack = TerraformStack.of(resource);
  let blocks = importsByStack.get(stack);
  if (!blocks) {
    const list: ImportBlock[] = [];
    blocks = list;
    importsByStack.set(stack, list);
    // Lazy: the address is read at synth, after any overrideLogicalId() the caller makes.
    stack.addOverride(
      "import",
      Lazy.anyValue({
        produce: () => list.map((b) => ({ to: `${b.resource.terraformResourceType}.${b.resource.friendlyUniqueId}`, id: b.id })),
      }),
    );
  }
  blocks.push({ resource, id });
}
