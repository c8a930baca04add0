namespace CSnakes.Runtime.Native;

/// <summary>
/// Item access that hands out strong references, so an item stays alive while it is converted even if
/// the converting code (a property, <c>__getattribute__</c>, a finalizer run by the GC, another Python
/// thread given the GIL) empties the container. <see cref="ContainerItems"/> is the safe layer over these.
/// </summary>
internal static unsafe partial class CPythonApi
{
    // PyList_GetItemRef (3.13+). With the GIL it cannot block or run Python code, so it is a leaf call;
    // free-threaded it may take the list's lock, so it keeps the GC transition.
    private static delegate* unmanaged[SuppressGCTransition]<nint, nint, nint> s_leafListGetItemRef;
    private static delegate* unmanaged<nint, nint, nint> s_listGetItemRef;

    /// <summary>A new plain dict with the same items (a memory copy for compact dicts); atomic (under the GIL, or the dict's lock when free-threaded).</summary>
    public static delegate* unmanaged<nint, nint> PyDict_Copy;

    /// <summary>A new tuple of any sequence's (or iterable's) items; may run Python code (<c>__iter__</c>, <c>__getitem__</c>).</summary>
    public static delegate* unmanaged<nint, nint> PySequence_Tuple;

    /// <summary>Borrowed key and value, and not thread-safe when free-threaded: only through <see cref="ContainerItems.NextEntry"/>, on a private copy.</summary>
    public static delegate* unmanaged<nint, nint*, nint*, nint*, int> PyDict_Next;

    /// <summary>
    /// A new reference to <c>list[index]</c>, or 0 with <c>IndexError</c> set when the index is out of range
    /// now. Never a borrowed pointer: see <see cref="ContainerItems.ListItem"/>.
    /// </summary>
    public static nint ListGetItemRef(nint list, nint index)
    {
        if (s_leafListGetItemRef != null)
        {
            return s_leafListGetItemRef(list, index);
        }

        if (s_listGetItemRef != null)
        {
            return s_listGetItemRef(list, index);
        }

        // Before 3.13 (never free-threaded): the GIL is held and nothing runs Python code between the
        // two leaf calls, so the item cannot be freed before it is increfed.
        nint item = LeafListGetItem(list, index);
        if (item != 0)
        {
            LeafIncRef(item);
        }

        return item;
    }

    private static void LoadContainers()
    {
        PyDict_Copy = (delegate* unmanaged<nint, nint>)Require("PyDict_Copy");
        PySequence_Tuple = (delegate* unmanaged<nint, nint>)Require("PySequence_Tuple");
        PyDict_Next = (delegate* unmanaged<nint, nint*, nint*, nint*, int>)Require("PyDict_Next");
        nint getItemRef = Optional("PyList_GetItemRef");
        if (getItemRef != 0 && ObTypeOffset == 8)
        {
            s_leafListGetItemRef = (delegate* unmanaged[SuppressGCTransition]<nint, nint, nint>)getItemRef;
        }
        else
        {
            s_listGetItemRef = (delegate* unmanaged<nint, nint, nint>)getItemRef;
        }
    }
}
